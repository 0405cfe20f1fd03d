"""libyaml's problem sentences in the reader's words. libyaml (and PyYAML) say what went wrong in
English ("mapping values are not allowed in this context"); each sentence a compiler is likely to meet
has a catalogue message (yaml.*) saying what to change, and the construct it was inside ("while
scanning a quoted scalar") is said as where that began. Imported only when a file fails to parse."""

from __future__ import annotations

from hulifa.messages import reason
from hulifa.model import Text

# A substring of libyaml's problem -> the message id. First match wins; the order puts the specific first.
_PROBLEMS = (
    ("tab character", "yaml.tab"),
    ("found character '\\t'", "yaml.tab"),
    ("mapping values are not allowed", "yaml.mapping_values"),
    ("found unexpected end of stream", "yaml.unclosed_quote"),
    ("did not find expected ',' or ']'", "yaml.unclosed_bracket"),
    ("did not find expected ',' or '}'", "yaml.unclosed_brace"),
    ("did not find expected key", "yaml.indent_mapping"),
    ("did not find expected '-' indicator", "yaml.indent_list"),
    ("block sequence entries are not allowed", "yaml.list_here"),
    ("could not find expected ':'", "yaml.no_colon"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("second occurrence", "yaml.duplicate_anchor"),
    ("found unknown escape character", "yaml.escape"),
    ("but found another document", "yaml.documents"),
    ("did not find expected alphabetic or numeric character", "yaml.anchor_name"),
    ("did not find expected node content", "yaml.no_value"),
    ("found undefined tag handle", "yaml.tag_handle"),
    ("tag URI", "yaml.tag_handle"),
    ("URI escaped octet", "yaml.tag_handle"),
    ("leading UTF-8 octet", "yaml.tag_handle"),
    ("directive", "yaml.directive"),
    ("found unexpected non-alphabetical character", "yaml.directive"),
    ("did not find expected whitespace or line break", "yaml.after_indicator"),
    ("did not find expected <document start>", "yaml.document_start"),
    ("mapping keys are not allowed", "yaml.question"),
    ("found unexpected ':'", "yaml.flow_colon"),
    ("found unexpected document indicator", "yaml.document_in_quote"),
    ("did not find expected comment or line break", "yaml.after_value"),
    ("found character that cannot start any token", "yaml.bad_character"),
)
# What libyaml was reading when it stopped (its "context"), for "… began at line L".
_CONTEXTS = {
    "while scanning a quoted scalar": Text("引号", "the quote"),
    "while parsing a quoted scalar": Text("引号", "the quote"),
    "while parsing a flow sequence": Text("方括号「[」", "the bracket '['"),
    "while parsing a flow mapping": Text("花括号「{」", "the brace '{'"),
    "while parsing a block mapping": Text("所在的映射", "the mapping"),
    "while parsing a block collection": Text("所在的列表", "the list"),
    "while scanning a simple key": Text("这个键", "the key"),
    "while scanning a plain scalar": Text("这个值", "the value"),
    "while scanning an anchor": Text("锚点", "the anchor"),
    "while scanning an alias": Text("别名", "the alias"),
}


# The problems whose place is not where the fault began: each says where its construct began.
_SAYS_SINCE = {"yaml.unclosed_quote", "yaml.unclosed_bracket", "yaml.unclosed_brace", "yaml.indent_mapping",
               "yaml.indent_list", "yaml.no_colon"}  # fmt: skip


def problem_words(problem: str, context: str | None, start: tuple[int, int] | None, line: int, character: str) -> Text:
    """libyaml's `problem` at `line` as the reader's words, with where its `context` began (`start`,
    1-based) when that is another line; `character` is the one at the problem's place."""
    message_id = next((mid for text, mid in _PROBLEMS if text in problem), "")
    first = str(start[0]) if start else "?"
    if not message_id:
        return reason("yaml.other", problem=problem)
    said = reason(message_id, character=character, line=first)
    what = _CONTEXTS.get(context or "")
    if message_id not in _SAYS_SINCE or what is None or start is None or start[0] == line:
        return said
    since = reason("yaml.since", what=what, line=first, column=str(start[1]))
    return Text(said.zh + since.zh, said.en + since.en)


__all__ = ["problem_words"]
