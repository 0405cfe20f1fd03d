"""One `hulifa check` run below the command line, in steps with one module each: what was asked
(options), where each format goes (destinations, plan), what a report becomes where it is checked
(prepare), writing the formats as results arrive (stream), the terminal table (tableout) and the
progress bar (progress).

No module here prints on its own account or exits: a refusal is an exception (OptionError,
InputError) and what goes to stderr goes through a function the caller passes, so every step can
be driven and tested without typer. Modules import what they use lazily, as the CLI does, to keep
`hulifa check`'s start short."""
