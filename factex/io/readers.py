"""Reading inputs (text, Markdown and HTML files, folders, JSONL, stdin) and results written before.

Every input becomes a :class:`Document` (``id``, ``text``, ``published``) ready for
:func:`factex.extract_many`, or a :class:`ReadError` that says why it could not be read: a bad
file never stops the others. Offsets in the records refer to the text :func:`read_path` made:

* text and Markdown files: the file decoded as UTF-8 (a BOM is dropped) with universal newlines,
  i.e. exactly ``Path(p).read_text(encoding="utf-8-sig")``;
* HTML files: the visible text that ``html_text.extract_text`` gets from the page (title,
  headings and paragraphs separated by blank lines; scripts and styles dropped), see
  :func:`html_to_text`;
* JSONL lines: the value of the text field, as is.

:func:`read_facts` reads back what ``factex extract`` wrote, one ``Facts`` per document.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from factex.facts import Facts
from factex.records import Record, record_from_dict

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"

# Where news pages usually say when they were published (Open Graph, schema.org, Dublin Core).
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time"]/@content'
    ' | //meta[@itemprop="datePublished"]/@content'
    ' | //meta[@name="date" or @name="pubdate" or @name="DC.date.issued"]/@content'
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One text to extract from; ``published`` (ISO string or None) overrides the default date."""

    id: str
    text: str
    published: str | None = None

    def as_item(self) -> dict[str, Any]:
        """The dict :func:`factex.extract_many` takes (no ``published`` key means: the default)."""
        item: dict[str, Any] = {"id": self.id, "text": self.text}
        if self.published is not None:
            item["published"] = self.published
        return item


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: its id (a path, or ``path:line``) and what went wrong."""

    id: str
    message: str


@dataclass(frozen=True)
class JsonlFields:
    """Which keys of a JSONL object hold the text, the id and the publication date."""

    text: str = "text"
    id: str = "id"
    published: str = "published"


class MissingInputError(FileNotFoundError):
    """A path given by the user does not exist (a usage mistake, reported before any work)."""


def expand_paths(paths: Iterable[str]) -> list[str]:
    """The files to read, in a stable order: files as given, folders searched recursively.

    Folders contribute ``*.txt``, ``*.md``, ``*.html``, ``*.htm`` and ``*.jsonl`` files, sorted;
    hidden files and folders are skipped. ``"-"`` (stdin) is kept as is. A path that does not
    exist raises :class:`MissingInputError` so that the mistake is seen before the model loads.
    """
    out: list[str] = []
    for raw in paths:
        if raw == STDIN:
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            out.extend(str(p) for p in _walk(path))
        elif path.exists():
            out.append(raw)
        else:
            raise MissingInputError(f"{raw}: no such file or directory")
    return out


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES:
                yield path


def count_documents(files: Iterable[str]) -> int | None:
    """How many documents :func:`read_inputs` will yield (JSONL files count their lines).

    None when it cannot be known without consuming the input (stdin).
    """
    total = 0
    for name in files:
        if name == STDIN:
            return None
        if Path(name).suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(name, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1  # it will be one error
        else:
            total += 1
    return total


def read_inputs(
    files: Iterable[str],
    fields: JsonlFields = JsonlFields(),
    *,
    stdin: IO[str] | None = None,
    stdin_format: str = "text",
) -> Iterator[Document | ReadError]:
    """Documents (or read errors) from already expanded ``files``, in order."""
    for name in files:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            if stdin_format == "jsonl":
                yield from read_jsonl_lines(stream, "<stdin>", fields)
            else:
                yield Document("<stdin>", _universal_newlines(stream.read()))
        else:
            yield from read_path(name, fields)


def read_path(name: str, fields: JsonlFields = JsonlFields()) -> Iterator[Document | ReadError]:
    """The documents of one file: one for a text or HTML file, one per line for JSONL."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(name, "rb") as fh:
                yield from read_jsonl_lines(fh, name, fields)
            return
        data = Path(name).read_bytes()
        if suffix in HTML_SUFFIXES:
            text, published = html_to_text(data)
            yield Document(name, text, published)
        else:
            yield Document(name, decode_text(data))
    except UnicodeDecodeError as exc:
        yield ReadError(name, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        yield ReadError(name, exc.strerror or str(exc))
    except ValueError as exc:  # e.g. an HTML page lxml cannot parse
        yield ReadError(name, str(exc))


def decode_text(data: bytes) -> str:
    r"""Text of a file: strict UTF-8 (BOM dropped), universal newlines, like ``Path.read_text``.

    >>> decode_text("Un\r\nDeux\rTrois".encode())
    'Un\nDeux\nTrois'
    >>> decode_text(b"\xef\xbb\xbfBOM")
    'BOM'
    """
    return _universal_newlines(data.decode("utf-8-sig"))


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(data: bytes | str) -> tuple[str, str | None]:
    """The visible text of an HTML page and its publication date (ISO string) if the page says.

    The text comes from ``html_text`` (title and blocks on their own lines, blank lines between
    paragraphs, scripts and styles dropped); record offsets refer to this text. The date is read
    from the usual ``<meta>`` tags (``article:published_time``, ``datePublished``, ...).

    >>> html_to_text(b'<title>Titre</title><p>Un &amp; deux</p><script>x()</script><p>Trois</p>')
    ('Titre\\n\\nUn & deux\\n\\nTrois', None)
    >>> html_to_text('<meta property="article:published_time" content="2024-03-05"><p>x</p>')
    ('x', '2024-03-05')
    """
    import html_text

    markup = data if isinstance(data, str) else _decode_html(data)
    # lxml refuses str input that still carries an XML encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        return "", None
    tree = html_text.parse_html(markup)
    text = _universal_newlines(html_text.extract_text(tree))
    published = None
    for value in tree.xpath(_PUBLISHED_XPATH):
        # Pages also put "hier" or "March 5" there: keep only ISO dates, else use the default.
        if _is_iso_date(str(value).strip()):
            published = str(value).strip()
            break
    return text, published


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _decode_html(data: bytes) -> str:
    """UTF-8 first; otherwise the charset the page declares; otherwise a UnicodeDecodeError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = _CHARSET.search(data[:4096])
        if match is None:
            raise
        try:
            return data.decode(match.group(1).decode("ascii"))
        except LookupError:
            raise ValueError(f"unknown charset {match.group(1).decode('ascii')!r}") from None


def read_jsonl_lines(
    lines: Iterable[str | bytes], source: str, fields: JsonlFields = JsonlFields()
) -> Iterator[Document | ReadError]:
    """One document per non-blank JSON line; ids default to ``source:line``.

    Lines may be bytes (decoded one by one, so one bad line costs only itself) or str.

    >>> lines = ['{"id": "a", "text": "Un."}', '', '{"body": 1}', 'oops']
    >>> docs = list(read_jsonl_lines(lines, "f.jsonl"))
    >>> docs[0]
    Document(id='a', text='Un.', published=None)
    >>> [d.message for d in docs[1:]]
    ["no 'text' field (keys: body)", 'not JSON (Expecting value at column 1)']
    """
    for number, raw in enumerate(lines, 1):
        where = f"{source}:{number}"
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield ReadError(where, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
                continue
        else:
            line = raw
        if line.strip():
            yield _document_from_line(line, where, fields)


def _document_from_line(line: str, where: str, fields: JsonlFields) -> Document | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return ReadError(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get(fields.text)
    if not isinstance(text, str):
        if fields.text not in obj:
            keys = ", ".join(sorted(obj)) or "none"
            return ReadError(where, f"no {fields.text!r} field (keys: {keys})")
        return ReadError(where, f"{fields.text!r} is {type(text).__name__}, not a string")
    doc_id = obj.get(fields.id)
    published = obj.get(fields.published)
    return Document(
        str(doc_id) if doc_id is not None else where,
        text,
        str(published) if published not in (None, "") else None,
    )


def read_facts(path: str | Path) -> Iterator[Facts]:
    """The documents in a file written by ``factex extract``, one :class:`Facts` each, in order.

    ``--format doc-jsonl`` files come back whole (:meth:`Facts.from_json`: text, published date,
    records). Record files (``jsonl`` or ``parquet``) have no text: their Facts have ``text=""``
    and the records of consecutive rows with the same ``id``, with Decimals and tuples restored.
    """
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        yield from _group_rows(pq.read_table(path).to_pylist())
        return
    with path.open(encoding="utf-8") as fh:
        rows: list[dict[str, Any]] = []
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            if "records" in obj:  # a whole document (doc-jsonl)
                yield from _group_rows(rows)
                rows = []
                yield Facts.from_json(obj)
            else:
                rows.append(obj)
        yield from _group_rows(rows)


def _group_rows(rows: Iterable[dict[str, Any]]) -> Iterator[Facts]:
    current: list[Record] = []
    current_id: Any = None
    started = False
    for row in rows:
        row_id = row.get("id")
        if started and row_id != current_id:
            yield Facts(text="", records=tuple(current), id=current_id)
            current = []
        started, current_id = True, row_id
        current.append(record_from_dict({k: v for k, v in row.items() if k != "id"}))
    if started:
        yield Facts(text="", records=tuple(current), id=current_id)
