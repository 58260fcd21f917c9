"""Showing facts to people: the HTML view for Jupyter (:mod:`.view`) and records as short strings
for tables (:mod:`.text`, which also fixes how numbers are written: ``1 425,67 EUR``)."""

from factex.display.text import (
    SUMMARY_COLUMNS,
    count_kinds,
    format_amount,
    summary_row,
    why_no_value,
)
from factex.display.view import COLOURS, Shown, choose_spans, facts_to_html, label_of, render_marks

__all__ = [
    "COLOURS",
    "SUMMARY_COLUMNS",
    "Shown",
    "choose_spans",
    "count_kinds",
    "facts_to_html",
    "format_amount",
    "label_of",
    "render_marks",
    "summary_row",
    "why_no_value",
]
