"""Bytes to text for the readers: a named encoding, or ``auto`` (UTF-8, then cp1252, then Latin-1).

``auto`` tries strict UTF-8 first: UTF-8 text is almost never valid cp1252 by accident and
the other way round it fails on the first accented letter. Then cp1252 (Windows' Western
European, a superset of Latin-1 for printable characters, the usual legacy encoding of French
text), then Latin-1, which decodes any byte. A statistical detector was tried and left out: on
a short French article charset-normalizer answered ``mac_latin2``, a worse guess than cp1252.
"""

from __future__ import annotations

import codecs
import re

AUTO = "auto"
DEFAULT = "utf-8"
#: what ``auto`` tries, in order; the last decodes any byte
AUTO_ORDER = ("utf-8", "cp1252", "latin-1")

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def check_encoding(name: str) -> str:
    """``name`` if Python knows the encoding (or it is ``auto``), else a ValueError.

    >>> check_encoding("latin-1"), check_encoding("auto")
    ('latin-1', 'auto')
    >>> check_encoding("klingon")
    Traceback (most recent call last):
    ...
    ValueError: unknown encoding 'klingon' (e.g. utf-8, cp1252, latin-1, or auto)
    """
    if name == AUTO:
        return name
    try:
        codecs.lookup(name)
    except LookupError:
        hint = "e.g. utf-8, cp1252, latin-1, or auto"
        raise ValueError(f"unknown encoding {name!r} ({hint})") from None
    return name


def decode(data: bytes, encoding: str = DEFAULT) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; a UTF-8 BOM is dropped.

    >>> decode("été".encode("cp1252"), "auto")
    ('été', 'cp1252')
    >>> decode("été".encode(), "auto")
    ('été', 'utf-8')
    >>> decode(b"\\xe9", "utf-8")
    Traceback (most recent call last):
    ...
    UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data
    """
    if encoding != AUTO:
        name = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        return data.decode(name), encoding
    for name in AUTO_ORDER:
        try:
            return data.decode("utf-8-sig" if name == "utf-8" else name), name
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def decode_html(data: bytes, encoding: str = DEFAULT) -> tuple[str, str]:
    """An HTML page's markup: the encoding asked for; with the default, the page's declared
    charset when it is not UTF-8; with ``auto``, the declared charset before guessing."""
    if encoding not in (DEFAULT, AUTO):
        return decode(data, encoding)
    try:
        return decode(data, DEFAULT)
    except UnicodeDecodeError:
        match = _CHARSET.search(data[:4096])
        if match is None:
            if encoding == AUTO:
                return decode(data, AUTO)
            raise
        declared = match.group(1).decode("ascii")
        try:
            return data.decode(declared), declared
        except LookupError:
            raise ValueError(f"unknown charset {declared!r}") from None


def universal_newlines(text: str) -> str:
    r"""``\r\n`` and ``\r`` as ``\n``, as ``open()`` reads text.

    >>> universal_newlines("Un\r\nDeux\rTrois")
    'Un\nDeux\nTrois'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
