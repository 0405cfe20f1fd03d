"""hulifa: a compliance checker for the annual rule-of-law government report (法治政府建设年度报告).

Library use: `hulifa.check(paths, rules=None)` returns a CheckResult without printing; its
`exit_code(fail_on)` is the code `hulifa check` exits with (both run through hulifa.runner.Run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hulifa.model import CheckResult

from hulifa.version import __version__


def check(*args: Any, **kwargs: Any) -> CheckResult:
    """See hulifa.runner.check_paths; imported lazily to keep `import hulifa` cheap."""
    from hulifa.runner import check_paths

    return check_paths(*args, **kwargs)


__all__ = ["__version__", "check"]
