"""factex_links: who an amount is about, what it measures and for which period.

Each money and percentage span gets ``Span._.factex_links = {"subject", "metric", "period"}``,
each None when the text does not say. One module per job:

- :mod:`.subject`: the ORG/PER the amount is about, never a source ("selon l'Insee");
- :mod:`.metric` and :mod:`.phrases`: the noun phrase measured, from ``metrics.json`` and the
  parse ("un bénéfice net de", "le marché a reculé de", "a levé");
- :mod:`.period`: the TIMEX value of the date that dates the amount;
- :mod:`.neighbours`: what an amount takes from the one before it (a change, a range, an
  elided amount, the items of a breakdown after "dont");
- :mod:`.component`: the spaCy factory and the walk over a Doc's amounts.

Every walk is bounded, so linking stays linear in the length of the document.
"""

from factex.components.links.component import AmountLinker, make_links

__all__ = ["AmountLinker", "make_links"]
