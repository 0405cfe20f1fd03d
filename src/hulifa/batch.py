"""How many reports a batch shows in full: the one threshold the terminal table and the HTML page share.

A module of its own, importing nothing, so `hulifa check` can read it without loading rich or the model.
"""

from __future__ import annotations

# More reports than this: the table prints the batch summary only (unless --details) and the HTML page
# folds each report. Why 20: issue #14's "say 20"; a full HTML report with its charts is ~115 KB of page
# (Huli), so 20 open ones stay a page a browser opens at once, and up to this many reports are held
# until the end (the page's head needs to know which layout it is), which bounds that memory. Fixed,
# not an option: a larger one would hold that many reports, and no user has asked for it.
DETAIL_LIMIT = 20
