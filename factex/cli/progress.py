"""The progress bar of ``factex extract`` and ``factex table``: on stderr, in characters.

The bar measures characters, not documents: one long report costs as much as a hundred short
dispatches, and an ETA counted in documents jumps whenever one passes. Its total comes from a
first reading of the inputs (cheap next to the pipeline). A small last pipeline component
reports every piece the pipeline finishes, so a long single text moves the bar piece by piece;
with worker processes the pieces finish elsewhere and the bar moves by document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

PIECE_COMPONENT = "factex_cli_progress"
_listeners: list[Any] = []  # the bars listening to finished pieces (one per run)


@Language.component(PIECE_COMPONENT)
def _piece_done(doc: Doc) -> Doc:
    """Pass ``doc`` through, telling the running bar its characters are done."""
    for bar in _listeners:
        bar.piece(len(doc.text))
    return doc


class Bar:
    """What the extraction tells the bar: a piece or a document done. Disabled, it does nothing."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self.progress, self.task = progress, task
        self.docs = 0
        self.piece_chars = 0  # characters reported by finished pieces
        self.doc_chars = 0  # characters of finished documents

    def piece(self, chars: int) -> None:
        self.piece_chars += chars
        self._show()

    def document(self, chars: int) -> None:
        self.docs += 1
        self.doc_chars += chars
        self._show()

    def _show(self) -> None:
        if self.progress is not None:
            done = max(self.piece_chars, self.doc_chars)
            self.progress.update(self.task, completed=done, docs=self.docs)


def _columns() -> tuple[Any, ...]:
    from rich.progress import BarColumn, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Rates(ProgressColumn):
        """Documents and characters per second since the start."""

        def render(self, task: Any) -> Text:
            elapsed = task.elapsed or 0.0
            if elapsed <= 0:
                return Text("")
            docs, chars = task.fields["docs"] / elapsed, task.completed / elapsed
            return Text(f"{docs:.1f} docs/s {chars:,.0f} chars/s".replace(",", " "))

    return (
        TextColumn("extracting"),
        BarColumn(),
        TextColumn("{task.fields[docs]}/{task.fields[total_docs]} docs"),
        Rates(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )


@contextmanager
def progress_bar(docs: int, chars: int, enabled: bool, nlp: Any = None) -> Iterator[Bar]:
    """A :class:`Bar` drawn on stderr while the block runs (a silent one when disabled).

    ``nlp``, when given, gets :data:`PIECE_COMPONENT` last for the duration, so that the pieces
    of a long text move the bar.
    """
    if not enabled:
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(
        *_columns(),
        console=Console(stderr=True),
        redirect_stdout=False,
        redirect_stderr=False,
        speed_estimate_period=120,
    )
    task = progress.add_task("extract", total=max(chars, 1), docs=0, total_docs=docs)
    bar = Bar(progress, task)
    with progress, _listening(bar, nlp):
        yield bar
        progress.update(task, completed=max(chars, 1), docs=bar.docs)


@contextmanager
def _listening(bar: Bar, nlp: Any) -> Iterator[None]:
    added = nlp is not None and PIECE_COMPONENT not in nlp.pipe_names
    if added:
        nlp.add_pipe(PIECE_COMPONENT, last=True)
    _listeners.append(bar)
    try:
        yield
    finally:
        _listeners.remove(bar)
        if added:
            nlp.remove_pipe(PIECE_COMPONENT)
