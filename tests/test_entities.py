"""factex_entities on the real model: the corpus, the cleaning rules one by one, canonical names."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from factex.normalize.names import normalize_name
from tests.conftest import CORPUS, read_jsonl

CASES = read_jsonl(CORPUS / "fr" / "entities.jsonl")
_LATER = ("factex_money", "factex_percent", "factex_dates", "factex_links", "factex_events")


def _entities(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=[n for n in _LATER if n in nlp.pipe_names]):
        return nlp(text)


def _bag(pairs: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    return Counter((normalize_name(text), label) for text, label in pairs)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, marks=marks, id=case["text"][:50])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_corpus(nlp: Language, case: dict[str, Any]) -> None:
    doc = _entities(nlp, case["text"])
    found = _bag([(e.text, e.label_) for e in doc.ents])
    assert found == _bag([tuple(pair) for pair in case["entities"]])


def test_corpus_beats_bare_model(nlp: Language) -> None:
    """factex_entities must not lose precision or recall against the model's own entities."""
    ours = [n for n in nlp.pipe_names if n.startswith("factex_")]
    texts = [c["text"] for c in CASES]
    golds = [_bag([tuple(p) for p in c["entities"]]) for c in CASES]
    with nlp.select_pipes(disable=ours):
        bare = [_bag([(e.text, e.label_) for e in d.ents]) for d in nlp.pipe(texts)]
    cleaned = [_bag([(e.text, e.label_) for e in _entities(nlp, t).ents]) for t in texts]

    def hits(preds: list[Counter[tuple[str, str]]]) -> tuple[int, int]:
        return sum(sum((g & p).values()) for g, p in zip(golds, preds, strict=True)), sum(
            sum(p.values()) for p in preds
        )

    tp_bare, n_bare = hits(bare)
    tp_ours, n_ours = hits(cleaned)
    assert tp_ours > tp_bare  # recall
    assert tp_ours / n_ours > tp_bare / n_bare + 0.05  # precision


# -- the rules, on doc.ents set by hand (the model's own choice does not matter here) --------
def _with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Parse ``text``, put ``ents`` (first occurrences) in doc.ents, run the cleaner."""
    cleaner = nlp.get_pipe("factex_entities")
    with nlp.select_pipes(disable=["factex_entities", *[n for n in _LATER if n in nlp.pipe_names]]):
        doc = nlp(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return cleaner(doc)


def _pairs(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_line_break_cuts_the_span(nlp: Language) -> None:
    text = "Des usines en Asie\n\nInstallée depuis dix ans, la firme emploie 300 personnes."
    doc = _with_ents(nlp, text, [("Asie\n\nInstallée", "LOC")])
    assert _pairs(doc) == [("Asie", "LOC")]


def test_line_break_keeps_the_named_piece(nlp: Language) -> None:
    text = "Réactions\n\nMarie Durand a salué la décision du conseil."
    doc = _with_ents(nlp, text, [("Réactions\n\nMarie Durand", "PER")])
    assert _pairs(doc) == [("Marie Durand", "PER")]


def test_line_break_skips_page_furniture(nlp: Language) -> None:
    text = "Vidéo\n\nBruno Retailleau a présenté son plan."
    doc = _with_ents(nlp, text, [("Vidéo\n\nBruno Retailleau", "PER")])
    assert _pairs(doc) == [("Bruno Retailleau", "PER")]


def test_paragraph_break_starts_a_sentence(nlp: Language) -> None:
    doc = _entities(nlp, "Les banques en Europe\n\nLa BCE a relevé ses taux jeudi.")
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert starts == ["Les", "La"]


def test_person_span_stops_at_a_common_word(nlp: Language) -> None:
    text = "Le parti a proposé Jeanne de Vaucelles pour Bercy."
    doc = _with_ents(nlp, text, [("Jeanne de Vaucelles pour Bercy", "PER")])
    # Bercy, cut out of the person, is found again as the place (no agent here).
    assert _pairs(doc) == [("Jeanne de Vaucelles", "PER"), ("Bercy", "LOC")]


def test_edge_punctuation_and_dangling_words(nlp: Language) -> None:
    text = "Selon « Airbus », le centre des opérations reste à Toulouse."
    doc = _with_ents(nlp, text, [("« Airbus »", "ORG"), ("centre des", "ORG")])
    assert _pairs(doc) == [("Airbus", "ORG")]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Lecture : 4 minutes. Les prix ont encore grimpé.", "Lecture"),
        ("Image\n\nLes prix ont encore grimpé en mai.", "Image"),
        ("Les offres de cloud se multiplient chez les opérateurs.", "cloud"),
        ("Informatique quantique : les laboratoires accélèrent.", "Informatique quantique"),
        ("Le Premier ministre a reçu les syndicats à Matignon.", "Premier ministre"),
    ],
)
def test_noise_is_dropped(nlp: Language, text: str, surface: str) -> None:
    doc = _with_ents(nlp, text, [(surface, "MISC")])
    assert surface not in [e.text for e in doc.ents]


def test_proper_noun_at_sentence_start_is_kept(nlp: Language) -> None:
    doc = _with_ents(nlp, "Wikipédia a fêté ses vingt ans.", [("Wikipédia", "MISC")])
    assert _pairs(doc) == [("Wikipédia", "MISC")]


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("La banque a confié le dossier au groupe Peugeot dès mars.", "Peugeot", "PER", "ORG"),
        ("Une filiale du groupe, Naval Energies, a fermé.", "Naval Energies", "MISC", "ORG"),
        ("Le géant coréen Hyundai ouvre une usine.", "Hyundai", "LOC", "ORG"),
        ("Les exportations vers le Moyen-Orient ont doublé.", "Moyen-Orient", "MISC", "LOC"),
        ("Les ventes progressent en Amérique du Sud.", "Amérique du Sud", "MISC", "LOC"),
        ("Le contrat a été signé avec Atlas Logistics à Tanger.", "Atlas Logistics", "PER", "ORG"),
        ("Jean Peugeot a quitté le conseil du groupe.", "Jean Peugeot", "PER", "PER"),
        ("Le groupe Lactalis a racheté une laiterie à Rennes.", "Rennes", "LOC", "LOC"),
    ],
)
def test_labels_are_fixed(
    nlp: Language, text: str, surface: str, label: str, expected: str
) -> None:
    doc = _with_ents(nlp, text, [(surface, label)])
    assert (surface, expected) in _pairs(doc)


def test_region_cut_short_is_completed(nlp: Language) -> None:
    doc = _with_ents(nlp, "Le groupe mise sur l'Europe centrale.", [("Europe", "LOC")])
    assert _pairs(doc) == [("Europe centrale", "LOC")]


def test_missed_name_after_designator_is_added(nlp: Language) -> None:
    doc = _with_ents(nlp, "Le fonds a cédé ses parts au groupe Fayat la semaine dernière.", [])
    assert _pairs(doc) == [("Fayat", "ORG")]


def test_company_word_left_out_is_taken_in(nlp: Language) -> None:
    text = "Les actionnaires de Nippon Steel Corporation ont approuvé l'offre."
    doc = _with_ents(nlp, text, [("Nippon Steel", "ORG")])
    assert _pairs(doc) == [("Nippon Steel Corporation", "ORG")]


def test_misc_takes_the_label_of_the_same_name(nlp: Language) -> None:
    text = "Orange a recruté. Plus tard, Orange a annoncé des suppressions."
    doc = _with_ents(nlp, text, [])
    second = text.index("Orange", 5)
    spans = [doc.char_span(0, 6, label="ORG"), doc.char_span(second, second + 6, label="MISC")]
    doc.ents = [s for s in spans if s is not None]
    doc = nlp.get_pipe("factex_entities")(doc)
    assert _pairs(doc) == [("Orange", "ORG"), ("Orange", "ORG")]


# -- canonical names --------------------------------------------------------------------
def _canonical(doc: Doc) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e._.factex_canonical) for e in doc.ents]


def test_canonical_surname_resolves_to_full_name(nlp: Language) -> None:
    text = "Marc Simoncini a cédé Meetic. Trois ans plus tard, Simoncini a lancé un fonds."
    doc = _with_ents(nlp, text, [("Marc Simoncini", "PER"), ("Meetic", "ORG")])
    second = text.index("Simoncini", 20)
    short = doc.char_span(second, second + len("Simoncini"), label="PER")
    assert short is not None
    doc.ents = [*doc.ents, short]
    doc = nlp.get_pipe("factex_entities")(doc)
    assert ("Simoncini", "PER", "Marc Simoncini") in _canonical(doc)


def test_canonical_strips_designators_and_typography(nlp: Language) -> None:
    text = "La société Air Liquide recrute ; Air Liquide vise l’Afrique de l’Ouest."
    doc = _with_ents(
        nlp,
        text,
        [("société Air Liquide", "ORG"), ("Afrique de l’Ouest", "LOC")],
    )
    second = text.index("Air Liquide", 25)
    if not any(e.start_char == second for e in doc.ents):  # repeated names are found anyway
        extra = doc.char_span(second, second + len("Air Liquide"), label="ORG")
        assert extra is not None
        doc.ents = sorted([*doc.ents, extra], key=lambda s: s.start)
    doc = nlp.get_pipe("factex_entities")(doc)
    names = {e.text: e._.factex_canonical for e in doc.ents}
    assert names["Air Liquide"] == "Air Liquide"
    assert names["Afrique de l’Ouest"] == "Afrique de l'Ouest"
    assert "société Air Liquide" not in names or names["société Air Liquide"] == "Air Liquide"


def test_canonical_keeps_an_institution_named_after_a_place(nlp: Language) -> None:
    """ "la Banque du Japon" is the bank, not Japan; "le groupe Renault" is Renault."""
    text = "La Banque du Japon a prêté au groupe Renault, selon la Fédération de Russie."
    doc = _with_ents(
        nlp,
        text,
        [("Banque du Japon", "ORG"), ("groupe Renault", "ORG"), ("Fédération de Russie", "LOC")],
    )
    names = {e.text: e._.factex_canonical for e in doc.ents}
    assert names["Banque du Japon"] == "Banque du Japon"
    assert names["Fédération de Russie"] == "Fédération de Russie"
    assert names.get("groupe Renault", names.get("Renault")) == "Renault"


def test_sports_clubs_read_as_places_are_organisations(nlp: Language) -> None:
    text = (
        "Marseille a battu Lens samedi, puis Lyon a recruté un gardien. Lyon a investi 5 millions."
    )
    doc = _with_ents(nlp, text, [("Marseille", "LOC"), ("Lens", "LOC"), ("Lyon", "LOC")])
    labels = [(e.text, e.label_) for e in doc.ents]
    assert ("Marseille", "ORG") in labels and ("Lens", "ORG") in labels
    assert ("Lyon", "ORG") in labels  # the club that recruits a goalkeeper


def test_person_and_family_company_stay_apart(nlp: Language) -> None:
    text = "Le groupe Mulliez a investi. Gérard Mulliez a commenté l'opération."
    doc = _with_ents(nlp, text, [("Mulliez", "PER"), ("Gérard Mulliez", "PER")])
    assert _canonical(doc) == [
        ("Mulliez", "ORG", "Mulliez"),
        ("Gérard Mulliez", "PER", "Gérard Mulliez"),
    ]


def test_full_pipeline_canonical(nlp: Language) -> None:
    text = "Jack Ma a fondé Alibaba en 1999. Vingt ans plus tard, Ma a quitté la présidence."
    doc = _entities(nlp, text)
    assert {e.text: e._.factex_canonical for e in doc.ents if e.label_ == "PER"} == {
        "Jack Ma": "Jack Ma",
        "Ma": "Jack Ma",
    }


def test_a_known_organisation_missed_by_the_model_is_found_again(nlp: Language) -> None:
    # The model's entities are replaced by one ORG mention and one PER name: the cleaner must
    # find the other stand-alone mention of the company, and leave the person's name alone.
    text = (
        "Le groupe Verlaine a racheté un concurrent allemand. "
        "Selon les analystes, Verlaine domine désormais le marché. "
        "Jean Verlaine, son fondateur, a salué l'opération."
    )
    doc = _with_ents(nlp, text, [("groupe Verlaine", "ORG"), ("Jean Verlaine", "PER")])
    found = [(e.text, e.label_) for e in doc.ents]
    assert found.count(("Verlaine", "ORG")) == 2
    assert ("Jean Verlaine", "PER") in found


# -- known names, company context, persons and products ---------------------------------
@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # A listed company the model reads otherwise; the same name in a person context stays.
        ("Les ventes de Publicis progressent.", [("Publicis", "MISC")], [("Publicis", "ORG")]),
        (
            "Martin Bouygues a pris la parole.",
            [("Martin Bouygues", "PER")],
            [("Martin Bouygues", "PER")],
        ),
        ("M. Dassault a pris la parole.", [("Dassault", "ORG")], [("Dassault", "PER")]),
        (
            "La famille Peugeot détient 7 % du capital.",
            [("Peugeot", "ORG")],
            [("Peugeot", "PER")],
        ),
        # Company names that are ordinary words or places need a company context.
        ("Le festival se tient à Orange cet été.", [("Orange", "LOC")], [("Orange", "LOC")]),
        ("Orange a racheté un opérateur belge.", [("Orange", "LOC")], [("Orange", "ORG")]),
        ("Au total, quarante sites ont fermé.", [], []),
        ("Total, la note atteint deux milliards.", [("Total", "ORG")], []),
        # Legal forms and titles.
        ("Les comptes de Dravel SAS ont été publiés.", [], [("Dravel SAS", "ORG")]),
        ("Selon Mme Varenne, le projet avance.", [], [("Varenne", "PER")]),
        # Seats of government: the institution as an agent, else the place.
        ("Selon Bercy, la croissance ralentit.", [("Bercy", "LOC")], [("Bercy", "ORG")]),
        ("Le ministre a reçu les patrons à Bercy.", [("Bercy", "LOC")], [("Bercy", "LOC")]),
        # Institutions and indices win over a span the model cut short.
        (
            "Le Conseil d'État a annulé le décret.",
            [("Conseil", "ORG")],
            [("Conseil d'État", "ORG")],
        ),
        ("La Ligue 2 reprend samedi.", [("Ligue 2", "ORG")], [("Ligue 2", "ORG")]),
        # Events, products, peoples.
        ("Le salon Batimat ouvre lundi.", [("Batimat", "ORG")], [("Batimat", "MISC")]),
        ("La compagnie a commandé 30 Falcon.", [("Falcon", "ORG")], [("Falcon", "MISC")]),
        (
            "Il conduit une Renault Mégane.",
            [("Renault Mégane", "ORG")],
            [("Renault Mégane", "MISC")],
        ),
        (
            "Les Allemands ont acheté plus de voitures.",
            [("Allemands", "LOC")],
            [("Allemands", "MISC")],
        ),
        # A name the vectors do not know acting as a company; a known place stays a place.
        (
            "Trivalor a publié des résultats en hausse.",
            [("Trivalor", "LOC")],
            [("Trivalor", "ORG")],
        ),
        ("Lyon a investi dans le tramway.", [("Lyon", "LOC")], [("Lyon", "LOC")]),
        ("Le PDG de Zelvane a démissionné.", [("Zelvane", "PER")], [("Zelvane", "ORG")]),
        # The place in "usine de X"; the state alone is no name.
        ("L'usine de Cléon a fermé.", [("usine de Cléon", "LOC")], [("Cléon", "LOC")]),
        ("L'État a vendu ses parts.", [("État", "LOC")], []),
        # Events by their first word, holidays, a weekday after a name, a function after one.
        (
            "Le Festival de Deauville a ouvert.",
            [("Festival de Deauville", "ORG")],
            [("Festival de Deauville", "MISC")],
        ),
        ("Les magasins ouvrent avant Pâques.", [("Pâques", "MISC")], []),
        ("L'annonce a été faite par l'Arcep jeudi.", [("Arcep jeudi", "ORG")], [("Arcep", "ORG")]),
        (
            "Il a nommé Anne Duval Première ministre.",
            [("Anne Duval Première", "PER")],
            [("Anne Duval", "PER")],
        ),
        (
            "Le maire de Lille, Martine Le Maire, a répondu.",
            [("Martine Le Maire", "PER")],
            [("Martine Le Maire", "PER")],
        ),
        # A lone surname that has customers is a company.
        ("Les clients de Boulanger attendent.", [("Boulanger", "PER")], [("Boulanger", "ORG")]),
        ("Le conseil de Fillon a été suivi.", [("Fillon", "PER")], [("Fillon", "PER")]),
    ],
)
def test_company_rules(
    nlp: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _pairs(_with_ents(nlp, text, ents)) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # What only a company has, read on the words before the name.
        (
            "Le conseil d'administration de Vestrial a approuvé la fusion.",
            [("Vestrial", "LOC")],
            [("Vestrial", "ORG")],
        ),
        (
            "Les actionnaires de Brisson ont approuvé le dividende.",
            [("Brisson", "PER")],
            [("Brisson", "ORG")],
        ),
        (
            "Le directeur général de Sablon a démissionné mardi.",
            [("Sablon", "LOC")],
            [("Sablon", "ORG")],
        ),
        # ... but a town's council is no board, and a full name keeps its person.
        (
            "Le conseil municipal de Nantes a voté le budget.",
            [("Nantes", "LOC")],
            [("Nantes", "LOC")],
        ),
        (
            "Le PDG de Renault, Luca de Meo, a quitté le groupe.",
            [("Renault", "ORG"), ("Luca de Meo", "PER")],
            [("Renault", "ORG"), ("Luca de Meo", "PER")],
        ),
        ("Les magasins de Lyon ferment tôt.", [("Lyon", "LOC")], [("Lyon", "LOC")]),
        # A lone surname acting as only a company acts.
        (
            "Lemarchal a investi 200 millions d'euros dans une usine de pneus.",
            [("Lemarchal", "PER")],
            [("Lemarchal", "ORG")],
        ),
        (
            "Emmanuel Macron a investi 2 milliards d'euros dans une usine.",
            [("Emmanuel Macron", "PER")],
            [("Emmanuel Macron", "PER")],
        ),
        (
            "Rocher a racheté 45 magasins, a confirmé Paul Rocher.",
            [("Rocher", "PER"), ("Paul Rocher", "PER")],
            [("Rocher", "PER"), ("Paul Rocher", "PER")],
        ),
        (
            "Fontanel, leader de la charcuterie industrielle, emploie 2 000 personnes.",
            [("Fontanel", "PER")],
            [("Fontanel", "ORG")],
        ),
        (
            "Ruffin, leader de l'opposition, a voté contre le texte.",
            [("Ruffin", "PER")],
            [("Ruffin", "PER")],
        ),
        # The other party of a sale.
        (
            "Trévoux a racheté 45 magasins à Casino en 2023.",
            [("Trévoux", "ORG"), ("Casino", "LOC")],
            [("Trévoux", "ORG"), ("Casino", "ORG")],
        ),
        ("Il a dîné à Casino samedi.", [], []),
        # Legal forms.
        ("Dubreuil & Cie a déposé le bilan.", [], [("Dubreuil & Cie", "ORG")]),
        (
            "Le vigneron Bastide & Fils exporte en Chine.",
            [("Chine", "LOC")],
            [("Bastide & Fils", "ORG"), ("Chine", "LOC")],
        ),
        (
            "Les Ateliers Morel Frères ont fermé.",
            [("Ateliers Morel", "PER")],
            [("Ateliers Morel Frères", "ORG")],
        ),
        # Indices are MISC; "Dax" only after an article (the town otherwise).
        (
            "Le SMI a perdu 1 % et le Dax a gagné 0,5 %.",
            [("SMI", "ORG"), ("Dax", "LOC")],
            [("SMI", "MISC"), ("Dax", "MISC")],
        ),
        ("Il habite à Dax depuis 2010.", [("Dax", "LOC")], [("Dax", "LOC")]),
        ("Le Bel 20 a reculé.", [], [("Bel 20", "MISC")]),
        # Names the model cut after "du/de la": the capitalised words before belong to them.
        (
            "Comptoirs de la Mer a ouvert douze boutiques.",
            [("Mer", "LOC")],
            [("Comptoirs de la Mer", "ORG")],
        ),
        (
            "Il vit dans les Pays de la Loire depuis 2010.",
            [("Loire", "LOC")],
            [("Pays de la Loire", "LOC")],
        ),
        (
            "Selon la police de Marseille, le calme est revenu.",
            [("Marseille", "LOC")],
            [("Marseille", "LOC")],
        ),
        # A country's article at a sentence start; a town keeps its own.
        ("La Tunisie a signé l'accord.", [("La Tunisie", "LOC")], [("Tunisie", "LOC")]),
        ("Le Havre a accueilli le salon.", [("Le Havre", "LOC")], [("Le Havre", "LOC")]),
        (
            "Le département de la Seine-Maritime a voté son budget.",
            [("département de la Seine-Maritime", "LOC")],
            [("Seine-Maritime", "LOC")],
        ),
        ("Radio-Canada a diffusé le débat.", [("Radio-Canada", "LOC")], [("Radio-Canada", "ORG")]),
        ("Loto - Québec a publié ses comptes.", [("Québec", "LOC")], [("Loto - Québec", "ORG")]),
        # A function and a place read as one name: the place stays; an institution does not.
        (
            "Le Premier ministre de l'Ontario a réagi.",
            [("Premier ministre de l'Ontario", "MISC")],
            [("Ontario", "LOC")],
        ),
        (
            "Le président de la République a parlé.",
            [("président de la République", "MISC")],
            [],
        ),
        # A wage and a programme are no names of places or bodies.
        ("Le Smic sera revalorisé.", [("Le Smic", "MISC")], []),
        (
            "Le plan France 2030 finance la recherche.",
            [("France", "LOC")],
            [("France 2030", "MISC")],
        ),
    ],
)
def test_company_context_and_spans(
    nlp: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _pairs(_with_ents(nlp, text, ents)) == expected
