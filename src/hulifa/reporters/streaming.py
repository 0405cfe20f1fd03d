"""Writing one output document as results arrive, whatever its format (see hulifa.reporters).

A format streams in one of two ways:

- **pieces**: its module has `head(pack, lang)`, `item(report, lang)`, `SEP` and `tail(lang)`, pure
  functions whose texts are written as they come (with --jobs, `item` runs in the worker), and may
  have `EMPTY`, the whole document when no item says anything (the head then waits for the first);
- **a writer**: its module has `writer(pack, lang, fail_on)`, returning an object with `SEP`,
  `item(report) -> str`, and `head()` and `tail()`, which are called after the last item. This is
  for a document whose beginning needs the whole run (SARIF's and JUnit's counts, a rule table).
  The items go to a spill file, an anonymous temporary file, and the document is written head,
  spilled items, tail at the end: the memory is the writer's own counters, not the results. The
  spill holds the items' UTF-8, copied as it is to a sink that writes UTF-8 unchanged (its `utf8()`,
  see hulifa.atomic), so each text is encoded once: decoding it from a text spill and encoding it
  again for the output were 2% of a `-f junit` run's instructions (callgrind, 200 reports). A
  writer with `write_to(sink)` (and `close()`) writes the whole document itself at the end, from
  spill files of its own (Markdown, whose budget decides what goes in only once every report is in).

In both, an empty item adds nothing, and `SEP` goes only between items that say something.
`join` gives the same bytes in one piece, so a module's `render` can be its streamed pieces joined.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from types import ModuleType
from typing import IO, Any, Protocol, runtime_checkable

from hulifa.model import ReportResult, RulePack, Severity

# Characters read back from a spill file at a time (bytes, where they are copied as they are). A read
# holds the bytes, their decoded text and the encoded write at once: 1 << 20 characters of SARIF added
# ~6 MiB (tracemalloc) to a run's peak.
COPY_CHARS = 1 << 16


class Sink(Protocol):
    def write(self, text: str, /) -> object: ...


class Writer(Protocol):
    SEP: str

    def item(self, report: ReportResult) -> str: ...

    def head(self) -> str: ...

    def tail(self) -> str: ...


@runtime_checkable
class SelfWriting(Protocol):
    """A writer that writes its whole document itself at the end (its items are always "")."""

    def write_to(self, sink: Sink) -> None: ...

    def close(self) -> None: ...


def streams(module: ModuleType) -> bool:
    """Whether a format module can be written one report at a time."""
    return hasattr(module, "writer") or all(hasattr(module, name) for name in ("head", "item", "SEP", "tail"))


def in_pieces(module: ModuleType) -> bool:
    """Whether a format streams as pure pieces (an item can then be rendered where the report was checked)."""
    return not hasattr(module, "writer") and streams(module)


class Document:
    """One format's output, written as results arrive to `sink` (an atomic.Sink: written, not committed)."""

    def __init__(
        self,
        module: ModuleType,
        sink: Sink,
        pack: RulePack | None,
        lang: str,
        fail_on: Severity | None = None,
        **options: Any,
    ) -> None:
        """`options` go to the module's writer (Markdown's `max_bytes`)."""
        self.module, self.sink, self.lang = module, sink, lang
        self.started = False  # an item that said something has been written
        self.writer: Writer | None = None
        self.spill: IO[bytes] | None = None
        self.head, self.empty = "", None
        if in_pieces(module):
            self.sep: str = module.SEP
            self.head, self.empty = module.head(pack, lang), getattr(module, "EMPTY", None)
            if self.empty is None:
                sink.write(self.head)
        else:
            import tempfile

            self.writer = module.writer(pack, lang, fail_on, **options)
            self.sep = self.writer.SEP
            if not isinstance(self.writer, SelfWriting):
                # anonymous (unlinked at once): nothing is left behind, however the run ends
                self.spill = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed in finish/close

    @property
    def pieces(self) -> bool:
        return self.writer is None

    def add(self, report: ReportResult | None, text: str | None = None) -> None:
        """Add a report: `text` is its piece when already rendered (pieces only), else it is made here."""
        if text is None:
            assert report is not None
            text = self.writer.item(report) if self.writer is not None else self.module.item(report, self.lang)
        if not text:
            return
        if self.spill is not None:
            self.spill.write((self.sep + text if self.started else text).encode("utf-8"))
        elif self.started:
            # one write, not the separator and then the piece: a text stream hands a 2-byte write to
            # its buffer, whose next, large write first sends those 2 bytes in a system call of their own
            self.sink.write(self.sep + text)
        else:
            if self.empty is not None:
                self.sink.write(self.head)
            self.sink.write(text)
        self.started = True

    def finish(self) -> None:
        """Write what comes after the last report (for a writer: head, the spilled items, tail)."""
        if self.writer is None:
            if self.empty is not None and not self.started:
                self.sink.write(self.empty)
            else:
                self.sink.write(self.module.tail(self.lang))
            return
        if isinstance(self.writer, SelfWriting):
            self.writer.write_to(self.sink)
            self.close()
            return
        assert self.spill is not None
        self.sink.write(self.writer.head())
        self.spill.seek(0)
        utf8 = getattr(self.sink, "utf8", None)
        write = utf8() if utf8 is not None else None
        if write is not None:
            while block := self.spill.read(COPY_CHARS):
                write(block)
        else:  # a sink of text only (or one that would write other bytes): the items as text
            text = io.TextIOWrapper(self.spill, encoding="utf-8", newline="\n")
            try:
                shutil.copyfileobj(text, self.sink, COPY_CHARS)
            finally:
                text.detach()  # the spill stays open, for close()
        self.sink.write(self.writer.tail())
        self.close()

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()
            self.spill = None
        if isinstance(self.writer, SelfWriting):
            self.writer.close()


def join(writer: Writer, reports: Iterable[ReportResult]) -> str:
    """A writer's document in one piece: the same bytes as streaming it."""
    body = writer.SEP.join(text for text in (writer.item(r) for r in reports) if text)
    return writer.head() + body + writer.tail()
