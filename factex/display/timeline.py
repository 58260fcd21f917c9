"""The events of a text on a time axis: what a reader of dated events wants to see first.

A vertical axis, oldest first, one dot per day (or coarser date) with the events told for it:
the verb, the actors and the clause. Inline styles only, as in :mod:`.view`, so that the
drawing survives sanitisers that drop ``<style>`` blocks.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

from factex.records import Event

_AXIS = "border-left: 2px solid #c9b3e6; margin: 0.8em 0 0.4em 0.6em; padding-left: 1em"
_DOT = (
    "position: absolute; left: -1.45em; top: 0.35em; width: 0.7em; height: 0.7em; "
    "border-radius: 50%; background: #8e63c9"
)
_DATE = "font-weight: 600; font-size: 0.9em; color: #4b2a7a"
_EVENT = "font-size: 0.9em; margin: 0.1em 0 0 0.2em; color: #222"


def timeline_html(events: Sequence[Event]) -> str:
    """``events`` (already in date order) drawn on a vertical time axis; "" for none.

    >>> drawn = timeline_html([Event("a signé", 0, 7, "", "2024-06-03", "signer", ("Kelvo",)),
    ...                        Event("ouvrira", 9, 16, "", "2024-09", "ouvrir")])
    >>> drawn.count("factex-tick"), "Kelvo" in drawn, drawn.index("06-03") < drawn.index("-09<")
    (2, True, True)
    >>> timeline_html([])
    ''
    """
    if not events:
        return ""
    ticks = []
    for when, told in groupby(events, key=lambda e: e.date_day or e.date):
        items = "".join(_item(event) for event in told)
        ticks.append(
            f'<div class="factex-tick" style="position: relative; margin: 0.5em 0">'
            f'<span style="{_DOT}"></span><span style="{_DATE}">{html.escape(when)}</span>'
            f"{items}</div>"
        )
    return (
        '<div class="factex-timeline"><div style="font-size: 0.85em; color: #555">timeline</div>'
        f'<div style="{_AXIS}">{"".join(ticks)}</div></div>'
    )


def _item(event: Event) -> str:
    """One event: its time if finer than the day, verb, actors and clause."""
    bits = []
    if event.date_day and event.date != event.date_day:
        bits.append(html.escape(event.date[len(event.date_day) :].lstrip("T")))
    bits.append(f"<b>{html.escape(event.trigger or '?')}</b>")
    if event.actors:
        bits.append(html.escape(", ".join(event.actors)))
    clause = html.escape(event.text)
    note = " (date of its paragraph)" if event.date_source == "paragraph" else ""
    return f'<div style="{_EVENT}">{" · ".join(bits)} — <i>{clause}</i>{note}</div>'
