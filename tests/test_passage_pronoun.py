"""A demonstrative pronoun standing for the metric named before it, with a complement of its
own (components/passage_pronoun.py): "ceux des services" after "les prix de l'énergie" is
"prix des services".

Short articles written for these tests; each carried case has a negative: the pronoun names
a company or a time, stands in another paragraph, or stands for no metric at all.
"""

from __future__ import annotations

from spacy.language import Language

import factex
from factex.components.passage_pronoun import metric_head
from factex.normalize.link_words import link_words
from tests.conftest import metrics_by_text

HEAD = "Les prix ralentissent en mai\n\n"


def test_the_pronoun_keeps_the_head_and_takes_its_own_complement(nlp: Language) -> None:
    text = (
        f"{HEAD}Les prix du gaz ont grimpé de 7 % sur un an, tandis que ceux des transports "
        "restent sages, à 1,3 %."
    )
    metrics = metrics_by_text(nlp, text)
    assert metrics["7 %"] == "prix du gaz"
    assert metrics["1,3 %"] == "prix des transports"


def test_a_listed_metric_keeps_all_its_words(nlp: Language) -> None:
    text = (
        "Le chômage recule en Norlande\n\nLe taux de chômage des ouvriers atteint 9,4 % au "
        "premier trimestre. Celui des cadres recule à 3,1 %."
    )
    facts = factex.extract(text, published="2025-06-12", nlp=nlp)
    got = {p.text: (p.metric, p.metric_from) for p in facts.percentages}
    # the metric stands in the sentence before: it comes from the passage
    assert got["3,1 %"] == ("taux de chômage des cadres", "passage")


def test_a_pronoun_with_its_verb_left_out(nlp: Language) -> None:
    text = (
        "Budget : les arbitrages\n\nLes dépenses consacrées au sport baissent de 6 %, et celles "
        "de la justice de 4 %. Le taux du livret jeunes est fixé à 3 % et celui du plan "
        "d'épargne logement à 2 %."
    )
    metrics = metrics_by_text(nlp, text)
    # "justice" alone, as the clause reads it, is no measure
    assert metrics["4 %"] == "dépenses de la justice"
    assert metrics["2 %"] == "taux du plan d'épargne logement"


def test_a_singular_pronoun_stands_for_one_of_a_plural_noun(nlp: Language) -> None:
    text = (
        "Budget : les arbitrages\n\nParmi les budgets en baisse, celui de la culture recule de "
        "1,2 milliard d'euros, à 4,1 milliards."
    )
    metrics = metrics_by_text(nlp, text)
    # the figure after goes on with the measure the pronoun gave
    assert metrics["1,2 milliard d'euros"] == metrics["4,1 milliards"] == "budget de la culture"


def test_a_participle_says_which_one(nlp: Language) -> None:
    text = (
        "Budget : les arbitrages\n\nLes crédits consacrés à la culture baissent de 5 %, ceux "
        "alloués à la recherche de 3 %."
    )
    assert metrics_by_text(nlp, text)["3 %"] == "crédits alloués à la recherche"


def test_a_company_or_a_time_keeps_the_metric_whole(nlp: Language) -> None:
    shares = (
        "La Bourse de Paris hésite\n\nL'action Ferlane gagnait 2 %, tandis que celle de "
        "Brunelle reculait de 1,5 %."
    )
    assert metrics_by_text(nlp, shares)["1,5 %"] == "action"
    deficit = (
        "Commerce extérieur\n\nLe déficit commercial atteint 6,1 milliards d'euros en mai, "
        "au-dessus de celui de l'an dernier, à 5,4 milliards."
    )
    assert metrics_by_text(nlp, deficit)["5,4 milliards"] == "déficit commercial"


def test_the_pronoun_alone_is_the_metric_itself(nlp: Language) -> None:
    text = (
        "Ferlane : les résultats\n\nLe bénéfice net de Ferlane atteint 95 millions d'euros. "
        "Celui-ci progresse de 4 % sur un an."
    )
    assert metrics_by_text(nlp, text)["4 %"] == "bénéfice net"


def test_no_metric_before_or_another_paragraph_gives_none(nlp: Language) -> None:
    text = f"{HEAD}Les prix du gaz ont grimpé de 7 %.\n\nCeux des transports progressent de 1,3 %."
    assert metrics_by_text(nlp, text)["1,3 %"] is None
    # "ceux" stands for the unions, no measure: what they claim is not a measure "of la santé"
    unions = (
        "Grève dans la fonction publique\n\nLes syndicats ont manifesté mardi, et ceux de "
        "la santé réclament une revalorisation de 3 %."
    )
    assert "santé" not in (metrics_by_text(nlp, unions)["3 %"] or "")


def test_the_head_of_a_metric_is_its_longest_listed_start() -> None:
    w = link_words("fr")
    assert metric_head(w, "prix du gaz") == "prix"
    assert metric_head(w, "taux de chômage des ouvriers") == "taux de chômage"
    assert metric_head(w, "feuille de route") is None
