"""Long texts: cut at natural boundaries, offsets mapped back, nothing lost at the seams."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

import pytest
from spacy.language import Language

import factex
from factex import api
from factex.records import Event, Money, Percentage, Record
from factex.run.chunking import split_text

NBSP, NNBSP = "\u00a0", "\u202f"

PARAGRAPHS = [
    "Le groupe pharmaceutique Sanofi a publié jeudi un chiffre d'affaires de 9,4 milliards "
    "d'euros pour le deuxième trimestre, en hausse de 3,2 % à taux de change constants.",
    "À Toulouse, Airbus a livré 63 appareils en juin, contre 57 un an plus tôt. Le constructeur "
    "vise toujours 720 livraisons en 2024, a précisé son directeur financier.",
    "La Commission européenne a infligé le 14 mars 2023 une amende de 1,8 milliard d'euros à "
    "Apple. L'entreprise a annoncé qu'elle ferait appel.",
    "Le taux de chômage est resté stable à 7,3 % de la population active au premier trimestre, "
    "selon l'Insee. Il avait reculé de 0,2 point fin 2022.",
    f"La ville de Nantes consacrera 25{NBSP}millions d'euros à la rénovation de ses écoles entre "
    f"2024 et 2026, soit 12{NNBSP}% de son budget, a annoncé mardi la maire Johanna Rolland.",
]
PUBLISHED = "2023-07-20"


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    out = list(split_text(text, limit))
    assert "".join(p for _, p in out) == text
    for offset, piece in out:
        assert text[offset : offset + len(piece)] == piece
        assert len(piece) <= limit
    return out


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Un. Deux. Trois.", 10, ["Un. Deux. ", "Trois."]),
        # A blank line beats a sentence end further on.
        ("Premier paragraphe.\n\nSuite. Et fin.", 30,
         ["Premier paragraphe.\n\n", "Suite. Et fin."]),
        # A sentence end beats a plain space.
        ("Le prix monte. Il baisse ensuite", 25, ["Le prix monte. ", "Il baisse ensuite"]),
        # "M." is not the end of a sentence: cut at a space instead, not after "M. ".
        ("Selon M. Dupont les ventes montent", 24, ["Selon M. Dupont les ", "ventes montent"]),
        # Never between the digits of a number, nor before its currency.
        ("Le groupe a payé 3 000 000 € cash", 26, ["Le groupe a payé ", "3 000 000 € cash"]),
        (f"On paie 12,5{NBSP}% en sus", 14, ["On paie ", f"12,5{NBSP}% en sus"]),
        ("« C'est fini. » Puis il part.", 18, ["« C'est fini. » ", "Puis il part."]),
        ("court", 100, ["court"]),
        ("", 100, [""]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),  # no boundary at all: hard cuts
    ],
)
def test_cut_points(text: str, limit: int, expected: list[str]) -> None:
    assert [p for _, p in pieces(text, limit)] == expected


def test_limit_must_leave_room() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        list(split_text("abc", 1))


def test_pieces_are_lazy_and_bounded() -> None:
    text = "\n\n".join(PARAGRAPHS) * 50
    out = pieces(text, 1000)
    assert all(len(p) > 500 for _, p in out[:-1])  # cut in the last half of each window


def shifted(records: tuple[Record, ...] | list[Record], offset: int) -> list[dict[str, Any]]:
    out = []
    for record in records:
        row = record.to_dict()
        row["start"] -= offset
        row["end"] -= offset
        if "mentions" in row:
            row["mentions"] = [(start - offset, end - offset) for start, end in row["mentions"]]
        for name in ("anchor_start", "anchor_end"):  # an anaphoric date's anchor
            if row.get(name) is not None:
                row[name] -= offset
        # spaCy hangs the blank line after a paragraph on its last sentence: not a fact.
        row["sentence"] = row["sentence"].strip()
        # Links the document frame completes depend on the rest of the document (a paragraph
        # alone is its own article): compare what each paragraph says itself.
        for link in ("subject", "period"):
            if row.get(f"{link}_from") in ("passage", "frame"):
                row[link] = row[f"{link}_from"] = None
        out.append(row)
    return out


def check_every_copy(text: str, unit_offsets: list[int], facts: factex.Facts) -> None:
    for record in facts:
        assert text[record.start : record.end] == record.text, record
    alone = {p: factex.extract(p, published=PUBLISHED).records for p in PARAGRAPHS}
    assert sum(len(r) for r in alone.values()) >= 25
    folded = ("event", "money", "percentage")  # retold facts fold into their first telling
    records = [r for r in facts if r.kind not in folded]
    starts = [r.start for r in records]  # in text order: each copy is found by bisection
    # Every telling of an event or a figure must be among the mentions of a record that reads
    # the same (date, verb and actors; or value and unit), wherever its first telling was.
    told = {(mention, _reading(r)) for r in _folded(facts) for mention in r.mentions}
    for start in unit_offsets:
        for paragraph in PARAGRAPHS:
            where = text.index(paragraph, start)
            first, last = bisect_left(starts, where), bisect_left(starts, where + len(paragraph))
            found = records[first:last]
            expected = [r for r in alone[paragraph] if r.kind not in folded]
            assert shifted(found, where) == shifted(expected, 0), (where, paragraph)
            for fact in _folded(alone[paragraph]):
                for s, e in fact.mentions:
                    assert ((s + where, e + where), _reading(fact)) in told, (s + where, fact)


def _folded(records: Iterable[Record]) -> list[Event | Money | Percentage]:
    return [r for r in records if isinstance(r, (Event, Money, Percentage))]


def _reading(record: Record) -> tuple[Any, ...]:
    """What a folded fact reads, whatever telling it is seen from."""
    if isinstance(record, Event):
        return (record.date, record.trigger, record.actors)
    row = record.to_dict()
    return tuple(row.get(name) for name in ("kind", "amount", "currency", "value", "unit"))


def test_every_fact_found_across_many_seams(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pieces: the same code path as a 1 MB text, with a seam every few paragraphs.
    monkeypatch.setattr(api, "CHUNK_CHARS", 700)
    unit = "\n\n".join(PARAGRAPHS)
    text = "\n\n".join([unit] * 6)
    assert len(list(split_text(text, 700))) >= 8
    facts = factex.extract(text, published=PUBLISHED)
    check_every_copy(text, [i * (len(unit) + 2) for i in range(6)], facts)


@pytest.mark.slow
def test_a_text_of_more_than_one_megabyte(nlp: Language) -> None:
    unit = "\n\n".join(PARAGRAPHS)
    copies = 1_000_000 // len(unit) + 2
    text = "\n\n".join([unit] * copies)
    assert len(text) > max(1_000_000, nlp.max_length)
    facts = factex.extract(text, published=PUBLISHED)
    # Check every copy of the unit, wherever the seams fell.
    check_every_copy(text, [i * (len(unit) + 2) for i in range(copies)], facts)


# Sentences of their own, each ending its own way: after a unit, a sign, a parenthesis, a quote,
# a question mark, a year; abbreviations inside ("M.", "J.-C."); some hold no fact at all.
SENTENCES = [
    "La mutuelle bretonne a versé 14,2 millions d'euros de primes à ses adhérents (AFP).",
    "Le fonds lyonnais a investi dans la jeune pousse un total de 12 M€.",
    "Selon M. Garnier, la fréquentation du musée est en hausse de 8,5 %.",
    "Les loyers du quartier ont bondi de 6 % en un an, selon l'observatoire (Reuters).",
    "« Nous avons économisé 300 000 euros sur l'énergie », a déclaré mardi la maire.",
    "Faut-il vraiment dépenser 2 milliards de dollars pour ce projet ?",
    "La coopérative laitière a vu son chiffre d'affaires reculer de 4,1 %.",
    "Le village, fondé vers 120 av. J.-C. selon les historiens, compte encore 900 habitants.",
    "Personne ne sait encore quand la ligne rouvrira...",
    "Le prix du ticket passera à 2,10 € le 1er septembre 2025.",
    "La direction a confirmé la fermeture du site, sans donner de calendrier !",
    "Le groupe de BTP a décroché à Genève un contrat de 450 millions de francs suisses.",
]
VALUE_FIELDS = ("amount", "currency", "amount_min", "amount_max", "value", "unit", "direction",
                "grain")  # fmt: skip


def values(facts: factex.Facts) -> list[tuple[Any, ...]]:
    """What each money, percentage and date telling reads, in text order (a figure retold
    and folded into one record counts once per telling: its ``mentions``)."""
    out = []
    for row in (r.to_dict() for r in facts if r.kind in ("money", "percentage", "date")):
        for start, end in row.get("mentions") or [(row["start"], row["end"])]:
            out.append((start, row["kind"], end, *(row.get(name) for name in VALUE_FIELDS)))
    return sorted(out)


@pytest.fixture(scope="module")
def alone(nlp: Language) -> dict[str, list[tuple[Any, ...]]]:
    """What each sentence gives extracted on its own."""
    found = {s: values(factex.extract(s, published=PUBLISHED)) for s in SENTENCES}
    assert sum(map(len, found.values())) >= 10
    assert not found[SENTENCES[8]] and not found[SENTENCES[10]]  # sentences with no fact
    return found


@pytest.mark.parametrize("seed", range(6))
def test_random_sentences_lose_nothing_at_the_seams(
    alone: dict[str, list[tuple[Any, ...]]], monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    limit = rng.choice([300, 450, 700])
    monkeypatch.setattr(api, "CHUNK_CHARS", limit)
    picked = [rng.choice(SENTENCES) for _ in range(40)]
    # One running line (seed 0), or sentences joined by a space or a line break at random.
    joiners = [" " if seed == 0 or rng.random() < 0.6 else "\n" for _ in picked]
    text, offsets = "", []
    for sentence, joiner in zip(picked, joiners, strict=True):
        text += joiner if text else ""
        offsets.append(len(text))
        text += sentence
    assert len(list(split_text(text, limit))) >= len(text) // limit
    expected = [
        (start + at, kind, end + at, *rest)
        for sentence, at in zip(picked, offsets, strict=True)
        for start, kind, end, *rest in alone[sentence]
    ]
    assert values(factex.extract(text, published=PUBLISHED)) == sorted(expected)
