"""Settings of `hulifa check`: the command line over the configuration file over the defaults, each
with the place it came from; and `hulifa config`, which prints them."""

from __future__ import annotations

import sys
from typing import Annotated, Any, NamedTuple

import typer

from hulifa.cli import Lang, asked, die_error
from hulifa.cli.options import LangOption
from hulifa.cli.usage import both, described

# configuration key -> `check` parameter (None: only the file sets it)
SETTINGS: dict[str, str | None] = {
    "rules": "rules",
    "deviations": "deviations",
    "include": None,
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
    "respect-gitignore": "respect_gitignore",
    "fail-on": "fail_on",
    "lang": "lang",
    "jobs": "jobs",
    "today": "today",
    "encoding": "encoding",
    "format": "formats",
    "output": "outputs",
}
DEFAULTS: dict[str, Any] = {
    "rules": None,
    "deviations": None,
    "include": ["*.yaml", "*.yml"],
    "exclude": None,
    "extend-exclude": None,
    "respect-gitignore": True,
    "fail-on": "error",
    "lang": "zh",
    "jobs": 1,
    "today": None,
    "encoding": None,
    "format": None,
    "output": None,
}

ConfigOption = Annotated[
    str | None,
    typer.Option(
        "--config",
        help=both(
            "配置文件(默认向上查找 pyproject.toml [tool.hulifa]、hulifa.toml、.hulifa.yaml)",
            "configuration file (default: pyproject.toml [tool.hulifa], hulifa.toml or .hulifa.yaml, searched upward)",
        ),
    ),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help=both("忽略所有配置文件", "ignore every configuration file"))
]


class Resolved(NamedTuple):
    values: dict[str, Any]  # configuration key -> value
    sources: dict[str, str]  # configuration key -> "command line", "FILE:LINE" or "default"

    def render(self, lang: str = "zh") -> str:
        """Each setting as `key = value  # where it came from`, the place in `lang`."""
        from hulifa.messages import reason

        places = {place: reason(f"config.from_{place.replace(' ', '_')}").get(lang) for place in _PLACES}
        width = max(map(len, self.values))
        lines = []
        for key, value in self.values.items():
            shown = value.value if hasattr(value, "value") else value
            if isinstance(shown, list):
                shown = [item.value if hasattr(item, "value") else item for item in shown]
            source = self.sources[key]
            lines.append(f"{key.ljust(width)} = {shown!r}  # {places.get(source, source)}")
        return "\n".join(lines) + "\n"


_PLACES = ("command line", "default")  # where a setting came from when not from a file


def resolve(ctx: typer.Context | None, config: str | None, isolated: bool, lang: str = "zh") -> Resolved:
    """Every setting, from the command line if given there, else the configuration file, else default."""
    from hulifa import config as configuration
    from hulifa.errors import InputError

    try:
        found = configuration.load(config, isolated)
    except InputError as error:  # in the language the command line asks for, else the file's, else the locale's
        die_error(error, asked() or configuration.error_lang(error.position.file) or lang)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, param in SETTINGS.items():
        if ctx is not None and param is not None and _given(ctx, param):
            values[key], sources[key] = ctx.params[param], "command line"
        elif key in found.values:
            values[key], sources[key] = found.values[key], found.where(key)
        else:
            values[key], sources[key] = DEFAULTS[key], "default"
    return Resolved(values, sources)


def _given(ctx: typer.Context, param: str) -> bool:
    """Typed on the command line (not a default): only then does an option override the file. The app's
    own `hulifa --lang en check` is typed too: it reaches the command as click's default_map."""
    source = ctx.get_parameter_source(param)
    return source is not None and source.name in ("COMMANDLINE", "DEFAULT_MAP")


def config_file_line(config: str | None, isolated: bool, lang: str = "zh") -> str:
    from hulifa import config as configuration
    from hulifa.messages import reason

    if isolated:
        return reason("config.isolated").get(lang) + "\n"
    path = config or configuration.find_config()
    return (reason("config.file", path=path) if path else reason("config.none")).get(lang) + "\n"


@described(
    "显示生效的设置及其来源。\n\n与不带其他选项的 `hulifa check --show-settings` 相同:配置文件优先于默认值。",
    "Show the settings in force and where each comes from.\n\n"
    "The same as `hulifa check --show-settings` without other options: configuration file over default.",
)
def config_command(
    ctx: typer.Context, config: ConfigOption = None, isolated: IsolatedOption = False, lang: LangOption = Lang.zh
) -> None:
    # its own --lang (or `hulifa --lang`) is a setting given on the command line, as check's is: shown
    # as such, and the output in it; else the file's lang, which says where it came from
    shown = resolve(ctx, config, isolated, lang.value)
    said = shown.values["lang"]
    said = said.value if isinstance(said, Lang) else str(said)
    sys.stdout.write(config_file_line(config, isolated, said) + shown.render(said))
