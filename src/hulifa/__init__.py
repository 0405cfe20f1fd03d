"""hulifa: a compliance checker for the annual rule-of-law government report (法治政府建设年度报告).

Library use: `hulifa.check(paths, rules=None)` returns a CheckResult without printing; its
`exit_code(fail_on)` is the code `hulifa check` exits with (both run through hulifa.runner.Run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Unpack

    from hulifa.model import CheckResult, ReportResult
    from hulifa.runner import RunOptions

from hulifa.version import __version__


def check(
    inputs: str | Sequence[str],
    rules: str | None = None,
    *,
    on_result: Callable[[ReportResult], None] | None = None,
    **options: Unpack[RunOptions],
) -> CheckResult:
    """See hulifa.runner.check_paths; imported lazily to keep `import hulifa` cheap."""
    from hulifa.runner import check_paths

    return check_paths(inputs, rules, on_result=on_result, **options)


__all__ = ["__version__", "check"]
