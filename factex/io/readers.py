"""Reading inputs (text, Markdown and HTML files, folders, JSONL, stdin) and results written before.

Every input becomes a :class:`Document` (``id``, ``text``, ``published``) ready for
:func:`factex.extract_many`, or a :class:`ReadError` that says why it could not be read: a bad
file never stops the others. Offsets in the records refer to the text :func:`read_path` made:

* text and Markdown files: the file decoded (UTF-8 by default, a BOM dropped; see
  :mod:`.decoding` for other encodings and ``auto``) with universal newlines, i.e. exactly
  ``Path(p).read_text(encoding="utf-8-sig")`` for UTF-8;
* HTML files: the visible text that ``html_text.extract_text`` gets from the page (title,
  headings and paragraphs separated by blank lines; scripts and styles dropped), see
  :func:`html_to_text`;
* JSONL lines: the value of the text field, as is.

Each document also knows its ``source``: the path, or ``path:line`` for JSONL, which is how
failures are reported (``source[:line]: reason``). ``notes`` callbacks hear what a reader
decided on the user's behalf (an encoding guessed, a JSONL key read under another name).

Results written before are read back by :mod:`.results`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from factex.io.decoding import DEFAULT, decode, decode_html, universal_newlines
from factex.normalize.dates.values import parse_published

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

#: Told what a reader decided for the user: ``(source, what)``, e.g. an encoding it guessed.
Notes = Callable[[str, str], None]


def _ignore(source: str, note: str) -> None:
    """The default :data:`Notes`: say nothing."""


@dataclass(frozen=True)
class Document:
    """One text to extract from; ``published`` (ISO string or None) overrides the default date."""

    id: str
    text: str
    published: str | None = None
    #: where it was read: a path, ``path:line`` for JSONL, ``<stdin>``
    source: str = ""

    def as_item(self) -> dict[str, Any]:
        """The dict :func:`factex.extract_many` takes (no ``published`` key means: the default)."""
        item: dict[str, Any] = {"id": self.id, "text": self.text}
        if self.published is not None:
            item["published"] = self.published
        return item


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: where (a path, or ``path:line``) and what went wrong."""

    id: str
    message: str


@dataclass(frozen=True)
class JsonlFields:
    """Which keys of a JSONL object hold the text, the id and the publication date.

    When an object lacks the text or date key, the first of its aliases it has is read instead
    (and reported through :data:`Notes`): corpora name these fields in several usual ways.
    """

    text: str = "text"
    id: str = "id"
    published: str = "published"
    text_aliases: tuple[str, ...] = field(default=("body", "content"))
    published_aliases: tuple[str, ...] = field(default=("date", "pubdate", "datePublished"))


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
    encoding: str = DEFAULT,
    notes: Notes = _ignore,
) -> Iterator[Document | ReadError]:
    """Documents (or read errors) from already expanded ``files``, in order.

    ``encoding`` is a Python codec name or ``"auto"`` (see :mod:`.decoding`); a guess is told
    to ``notes`` when it is not UTF-8.
    """
    for name in files:
        if name == STDIN:
            yield from _read_stdin(stdin or sys.stdin, stdin_format, fields, encoding, notes)
        else:
            yield from read_path(name, fields, encoding=encoding, notes=notes)


def _read_stdin(
    stream: IO[str], stdin_format: str, fields: JsonlFields, encoding: str, notes: Notes
) -> Iterator[Document | ReadError]:
    source = "<stdin>"
    raw = getattr(stream, "buffer", None)
    if raw is None:  # an in-memory text stream: already decoded
        text = stream.read()
    else:
        try:
            text = _decoded(raw.read(), encoding, source, notes)
        except UnicodeDecodeError as exc:
            yield ReadError(source, _decode_failure(exc, encoding))
            return
    if stdin_format == "jsonl":
        yield from read_jsonl_lines(text.splitlines(), source, fields, notes=notes)
    else:
        yield Document(source, universal_newlines(text), source=source)


def read_path(
    name: str,
    fields: JsonlFields = JsonlFields(),
    *,
    encoding: str = DEFAULT,
    notes: Notes = _ignore,
) -> Iterator[Document | ReadError]:
    """The documents of one file: one for a text or HTML file, one per line for JSONL."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(name, "rb") as fh:
                yield from read_jsonl_lines(fh, name, fields, notes=notes, encoding=encoding)
            return
        data = Path(name).read_bytes()
        if suffix in HTML_SUFFIXES:
            markup, used = decode_html(data, encoding)
            _note_encoding(name, used, encoding, notes)
            text, published = html_to_text(markup)
            yield Document(name, text, published, source=name)
        else:
            yield Document(name, decode_text(data, encoding, name, notes), source=name)
    except UnicodeDecodeError as exc:
        yield ReadError(name, _decode_failure(exc, encoding))
    except OSError as exc:
        yield ReadError(name, exc.strerror or str(exc))
    except ValueError as exc:  # e.g. an HTML page lxml cannot parse
        yield ReadError(name, str(exc))


def _decode_failure(exc: UnicodeDecodeError, encoding: str) -> str:
    hint = "; try --encoding auto" if encoding == DEFAULT else ""
    return f"not valid {exc.encoding.upper()} ({exc.reason} at byte {exc.start}){hint}"


def _decoded(data: bytes, encoding: str, source: str, notes: Notes) -> str:
    text, used = decode(data, encoding)
    _note_encoding(source, used, encoding, notes)
    return text


def _note_encoding(source: str, used: str, asked: str, notes: Notes) -> None:
    # Guessed (auto) or declared by an HTML page: the user asked for something else.
    if used not in (asked, DEFAULT):
        notes(source, f"read as {used} (guessed: not valid UTF-8)")


def decode_text(
    data: bytes, encoding: str = DEFAULT, source: str = "", notes: Notes = _ignore
) -> str:
    r"""Text of a file: UTF-8 (BOM dropped) by default, universal newlines, like ``read_text``.

    >>> decode_text("Un\r\nDeux\rTrois".encode())
    'Un\nDeux\nTrois'
    >>> decode_text(b"\xef\xbb\xbfBOM")
    'BOM'
    >>> decode_text("Été".encode("cp1252"), "auto", "a.txt", lambda s, n: print(s, n))
    a.txt read as cp1252 (guessed: not valid UTF-8)
    'Été'
    """
    return universal_newlines(_decoded(data, encoding, source, notes))


def html_to_text(data: bytes | str) -> tuple[str, str | None]:
    """The visible text of an HTML page and its publication date (ISO string) if the page says.

    The text comes from ``html_text`` (title and blocks on their own lines, blank lines between
    paragraphs, scripts and styles dropped); record offsets refer to this text. A ``<title>``
    that repeats the ``<h1>`` (often with the site's name) is left out, so that the headline's
    facts are counted once. The date is read from the usual ``<meta>`` tags
    (``article:published_time``, ``datePublished``, ...).

    >>> html_to_text(b'<title>Titre</title><p>Un &amp; deux</p><script>x()</script><p>Trois</p>')
    ('Titre\\n\\nUn & deux\\n\\nTrois', None)
    >>> html_to_text('<title>Hausse de 5 % - Le Site</title><h1>Hausse de 5 %</h1><p>x</p>')
    ('Hausse de 5 %\\n\\nx', None)
    >>> html_to_text('<meta property="article:published_time" content="2024-03-05"><p>x</p>')
    ('x', '2024-03-05')
    """
    import html_text

    markup = data if isinstance(data, str) else decode_html(data)[0]
    # lxml refuses str input that still carries an XML encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    if not markup.strip():
        return "", None
    tree = html_text.parse_html(markup)
    _drop_repeated_title(tree)
    text = universal_newlines(html_text.extract_text(tree))
    published = None
    for value in tree.xpath(_PUBLISHED_XPATH):
        # Pages also put "hier" or "March 5" there: keep only ISO dates, else use the default.
        if _is_iso_date(str(value).strip()):
            published = str(value).strip()
            break
    return text, published


def _drop_repeated_title(tree: Any) -> None:
    """Remove ``<title>`` when it holds a ``<h1>``'s words (or the other way round)."""
    headings = [_words(h.text_content()) for h in tree.xpath("//h1")]
    for title in tree.xpath("//title"):
        words = _words(title.text_content())
        if any(h and (h in words or words in h) for h in headings):
            title.getparent().remove(title)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def read_jsonl_lines(
    lines: Iterable[str | bytes],
    source: str,
    fields: JsonlFields = JsonlFields(),
    *,
    notes: Notes = _ignore,
    encoding: str = DEFAULT,
) -> Iterator[Document | ReadError]:
    """One document per non-blank JSON line; ids and sources are ``source:line``.

    Lines may be bytes (decoded one by one, so one bad line costs only itself) or str.

    >>> lines = ['{"id": "a", "text": "Un."}', '', '{"title": 1}', 'oops', '{"body": "Deux."}']
    >>> docs = list(read_jsonl_lines(lines, "f.jsonl", notes=lambda s, n: print(s, n)))
    f.jsonl read 'body' as the text field (no 'text' key)
    >>> docs[0]
    Document(id='a', text='Un.', published=None, source='f.jsonl:1')
    >>> [d.message for d in docs[1:3]]
    ["no 'text' field (keys: title)", 'not JSON (Expecting value at column 1)']
    """
    told: set[str] = set()

    def tell(used: str, wanted: str, role: str) -> None:
        if used not in told:
            told.add(used)
            notes(source, f"read {used!r} as the {role} field (no {wanted!r} key)")

    for number, raw in enumerate(lines, 1):
        where = f"{source}:{number}"
        if isinstance(raw, bytes):
            try:
                line = _decoded(raw, encoding, source, notes)
            except UnicodeDecodeError as exc:
                yield ReadError(where, _decode_failure(exc, encoding))
                continue
        else:
            line = raw
        if line.strip():
            yield _document_from_line(line, where, fields, tell)


def _document_from_line(
    line: str, where: str, fields: JsonlFields, tell: Callable[[str, str, str], None]
) -> Document | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return ReadError(where, f"expected a JSON object, got {type(obj).__name__}")
    text_key = _key(obj, fields.text, fields.text_aliases, "text", tell)
    text = obj.get(text_key)
    if not isinstance(text, str):
        if text_key not in obj:
            keys = ", ".join(sorted(obj)) or "none"
            return ReadError(where, f"no {fields.text!r} field (keys: {keys})")
        return ReadError(where, f"{text_key!r} is {type(text).__name__}, not a string")
    doc_id = obj.get(fields.id)
    date_key = _key(obj, fields.published, fields.published_aliases, "date", tell)
    published = obj.get(date_key)
    published = str(published) if published not in (None, "") else None
    if published is not None:
        try:
            parse_published(published)
        except ValueError:
            return ReadError(where, f"{date_key} {published!r} is not an ISO date (2024-03-14)")
    return Document(str(doc_id) if doc_id is not None else where, text, published, source=where)


def _key(
    obj: dict[str, Any],
    key: str,
    aliases: tuple[str, ...],
    role: str,
    tell: Callable[[str, str, str], None],
) -> str:
    """``key``, or the first alias ``obj`` has when it lacks ``key`` (told once per source)."""
    if key in obj:
        return key
    for alias in aliases:
        if alias in obj:
            tell(alias, key, role)
            return alias
    return key
