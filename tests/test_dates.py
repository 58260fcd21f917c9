"""The pure date normaliser (no spaCy): phrase + reference + direction → TIMEX3 value and grain.

Table-driven; known misses are strict xfails so that fixing one is noticed.
"""

from __future__ import annotations

import pytest

from factex.normalize.dates import DateGrammar, Direction, Reference, Timex
from factex.normalize.timex import is_timex

G = DateGrammar.for_language("fr")
TUESDAY = "2018-07-03"  # a Tuesday
EVENING = "2018-07-03T19:45:00+02:00"


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


CASES: list[object] = [
    # (phrase, reference, direction, value, grain)
    ("le 2 juillet", TUESDAY, "past", "2018-07-02", "day"),
    ("le 2 juillet", TUESDAY, "future", "2019-07-02", "day"),
    ("le 31 mars", TUESDAY, "past", "2018-03-31", "day"),
    ("le 31 mars", TUESDAY, "future", "2019-03-31", "day"),
    ("le 4 juillet", TUESDAY, "nearest", "2018-07-04", "day"),
    ("le 20 décembre", TUESDAY, "nearest", "2018-12-20", "day"),
    ("le 29 février", TUESDAY, "future", "2020-02-29", "day"),
    ("3 juillet 2018", None, "nearest", "2018-07-03", "day"),
    ("le 1er mai 1968", None, "nearest", "1968-05-01", "day"),
    ("vendredi 13 juillet 2018", None, "nearest", "2018-07-13", "day"),
    ("12/03/2020", None, "nearest", "2020-03-12", "day"),
    ("le 07 05 2021", None, "nearest", "2021-05-07", "day"),
    ("7 5 2021", None, "nearest", "2021-05-07", "day"),
    ("le 05/11", TUESDAY, "past", "2017-11-05", "day"),
    ("lundi", TUESDAY, "past", "2018-07-02", "day"),
    ("lundi", TUESDAY, "future", "2018-07-09", "day"),
    ("mardi", TUESDAY, "past", "2018-07-03", "day"),
    ("samedi prochain", TUESDAY, "nearest", "2018-07-07", "day"),
    ("samedi dernier", TUESDAY, "nearest", "2018-06-30", "day"),
    ("jeudi de la semaine prochaine", TUESDAY, "nearest", "2018-07-12", "day"),
    ("hier", TUESDAY, "nearest", "2018-07-02", "day"),
    ("avant-hier", TUESDAY, "nearest", "2018-07-01", "day"),
    ("après-demain", TUESDAY, "nearest", "2018-07-05", "day"),
    ("l'an dernier", TUESDAY, "nearest", "2017", "year"),
    ("l’année prochaine", TUESDAY, "nearest", "2019", "year"),
    ("le mois dernier", TUESDAY, "nearest", "2018-06", "month"),
    ("ce mois-ci", TUESDAY, "nearest", "2018-07", "month"),
    ("la semaine prochaine", TUESDAY, "nearest", "2018-W28", "week"),
    ("le trimestre dernier", TUESDAY, "nearest", "2018-Q2", "quarter"),
    ("en juillet", TUESDAY, "past", "2018-07", "month"),
    ("en décembre", TUESDAY, "past", "2017-12", "month"),
    ("en décembre", TUESDAY, "nearest", "2018-12", "month"),
    ("en juillet 2017", None, "nearest", "2017-07", "month"),
    ("au mois d'août", TUESDAY, "future", "2018-08", "month"),
    ("en 2011", None, "nearest", "2011", "year"),
    ("exercice 2017-2018", None, "nearest", "2017/2018", "year"),
    ("entre 2008 et 2012", None, "nearest", "2008/2012", "year"),
    ("depuis 2015", None, "nearest", "2015/..", "year"),
    ("jusqu'en 2022", None, "nearest", "../2022", "year"),
    ("fin 2019", None, "nearest", "2019-11/2019-12", "month"),
    ("mi-2019", None, "nearest", "2019-06/2019-07", "month"),
    ("les années 80", None, "nearest", "198", "decade"),
    ("au premier trimestre", TUESDAY, "past", "2018-Q1", "quarter"),
    ("au premier trimestre", TUESDAY, "future", "2019-Q1", "quarter"),
    ("T3 2022", None, "nearest", "2022-Q3", "quarter"),
    ("Q1 2020", None, "nearest", "2020-Q1", "quarter"),
    ("le second semestre", TUESDAY, "nearest", "2018-H2", "half"),
    ("S1 2021", None, "nearest", "2021-H1", "half"),
    ("au dernier trimestre 2016", None, "nearest", "2016-Q4", "quarter"),
    ("cet été", TUESDAY, "nearest", "2018-SU", "season"),
    ("cet hiver", "2019-02-01", "nearest", "2018-WI", "season"),
    ("l'automne prochain", TUESDAY, "nearest", "2018-FA", "season"),
    ("en hiver", TUESDAY, "past", "2017-WI", "season"),
    ("à 16h", TUESDAY, "nearest", "2018-07-03T16:00", "hour"),
    ("16h30", TUESDAY, "nearest", "2018-07-03T16:30", "minute"),
    ("à 9 heures", TUESDAY, "nearest", "2018-07-03T09:00", "hour"),
    ("à midi", TUESDAY, "nearest", "2018-07-03T12:00", "hour"),
    ("vers minuit", TUESDAY, "nearest", "2018-07-03T00:00", "hour"),
    ("à 8h du soir", TUESDAY, "nearest", "2018-07-03T20:00", "hour"),
    ("ce soir", TUESDAY, "nearest", "2018-07-03T18:00/2018-07-03T23:00", "hour"),
    ("cet après-midi", TUESDAY, "nearest", "2018-07-03T12:00/2018-07-03T18:00", "hour"),
    ("hier soir", TUESDAY, "nearest", "2018-07-02T18:00/2018-07-02T23:00", "hour"),
    ("mercredi à 14h", TUESDAY, "future", "2018-07-04T14:00", "hour"),
    ("de 9h30 à 11h", TUESDAY, "nearest", "2018-07-03T09:30/2018-07-03T11:00", "minute"),
    ("entre 14h et 16h", TUESDAY, "nearest", "2018-07-03T14:00/2018-07-03T16:00", "hour"),
    ("avant 16h", TUESDAY, "nearest", "../2018-07-03T15:00", "hour"),
    ("après 16h", TUESDAY, "nearest", "2018-07-03T16:00/..", "hour"),
    ("à partir de 18h30", TUESDAY, "nearest", "2018-07-03T18:30/..", "minute"),
    ("du 2 au 5 juillet", TUESDAY, "nearest", "2018-07-02/2018-07-05", "day"),
    ("du 28 juin au 2 juillet", TUESDAY, "past", "2018-06-28/2018-07-02", "day"),
    ("du 3 au 7 mars 2019", None, "nearest", "2019-03-03/2019-03-07", "day"),
    ("entre le 10 et le 12 juillet", TUESDAY, "nearest", "2018-07-10/2018-07-12", "day"),
    ("de mars à juin 2017", None, "nearest", "2017-03/2017-06", "month"),
    ("à partir du 1er septembre", TUESDAY, "nearest", "2018-09-01/..", "day"),
    ("avant le 15 août", TUESDAY, "nearest", "../2018-08-14", "day"),
    ("d'ici fin 2020", None, "nearest", "../2020-12", "month"),
    ("d'ici 2025", None, "nearest", "../2025", "year"),
    ("mi-juillet", TUESDAY, "nearest", "2018-07-10/2018-07-19", "day"),
    ("début avril", TUESDAY, "past", "2018-04-01/2018-04-05", "day"),
    ("fin mars", TUESDAY, "future", "2019-03-21/2019-03-31", "day"),
    ("en fin d'année", TUESDAY, "nearest", "2018-11/2018-12", "month"),
    ("il y a trois jours", TUESDAY, "nearest", "2018-06-30", "day"),
    ("il y a deux semaines", TUESDAY, "nearest", "2018-06-19", "day"),
    ("dans deux semaines", TUESDAY, "nearest", "2018-07-17", "day"),
    ("dans six mois", TUESDAY, "nearest", "2019-01-03", "day"),
    ("il y a 20 ans", TUESDAY, "nearest", "1998-07", "month"),
    ("dans 2 heures", EVENING, "nearest", "2018-07-03T21:45", "minute"),
    ("les 12 derniers mois", TUESDAY, "nearest", "2017-07/2018-06", "month"),
    ("sur les neuf premiers mois de 2021", None, "nearest", "2021-01/2021-09", "month"),
    ("au cours des trois derniers mois de 2021", None, "nearest", "2021-10/2021-12", "month"),
    ("les six premiers mois de l'année", TUESDAY, "past", "2018-H1", "half"),
    (
        "les deux premiers trimestres de l'an dernier",
        TUESDAY,
        "nearest",
        "2017-Q1/2017-Q2",
        "quarter",
    ),
    (
        "de 8 heures à 20 heures",
        "2018-07-03T07:00",
        "nearest",
        "2018-07-03T08:00/2018-07-03T20:00",
        "hour",
    ),
    ("les trois prochaines années", TUESDAY, "nearest", "2019/2021", "year"),
    ("maintenant", EVENING, "nearest", "2018-07-03T19:45:00", "second"),
    ("la semaine du 9 juillet", TUESDAY, "nearest", "2018-W28", "week"),
    ("la première semaine de mars 2019", None, "nearest", "2019-W10", "week"),
    ("le dernier jour de juin", TUESDAY, "past", "2018-06-30", "day"),
    ("la deuxième quinzaine de juillet", TUESDAY, "nearest", "2018-07-15/2018-07-31", "day"),
    ("le dernier vendredi de novembre 2019", None, "nearest", "2019-11-29", "day"),
    ("le premier lundi du mois prochain", TUESDAY, "nearest", "2018-08-06", "day"),
    (
        "le premier week-end de septembre",
        TUESDAY,
        "future",
        "2018-09-07T18:00/2018-09-09T23:00",
        "hour",
    ),
    # numeric day and month without a year: after a cue, or as the whole text
    ("17 02", TUESDAY, "future", "2019-02-17", "day"),
    ("25/9", TUESDAY, "past", "2017-09-25", "day"),
    ("le 14 7", TUESDAY, "future", "2018-07-14", "day"),
    ("du 30 10", TUESDAY, "future", "2018-10-30", "day"),
    ("vendredi 9 11 18", None, "nearest", "2018-11-09", "day"),
    ("26 4 19", None, "nearest", "2019-04-26", "day"),
    # a relative day anchored on a date
    ("le lendemain du 8 mai", TUESDAY, "past", "2018-05-09", "day"),
    ("la veille de Noël", TUESDAY, "future", "2018-12-24", "day"),
    ("l'avant-veille du 1er janvier 2020", None, "nearest", "2019-12-30", "day"),
    # minute and second marks, and "jui." for July
    ("dans 20'", EVENING, "nearest", "2018-07-03T20:05:00", "second"),
    ('dans 30"', EVENING, "nearest", "2018-07-03T19:45:30", "second"),
    ("3 jui. 2018", None, "nearest", "2018-07-03", "day"),
    # a part of the day settles am/pm and the day of a time; "entre midi et deux"
    ("à quatre heures vendredi après-midi", TUESDAY, "future", "2018-07-06T16:00", "hour"),
    ("mercredi soir à partir de 8 heures", TUESDAY, "future", "2018-07-04T20:00/..", "hour"),
    ("lundi matin à 9h", TUESDAY, "future", "2018-07-09T09:00", "hour"),
    ("entre midi et deux", TUESDAY, "nearest", "2018-07-03T12:00/2018-07-03T14:00", "hour"),
    ("n'importe quand avant midi", TUESDAY, "nearest", "../2018-07-03T11:00", "hour"),
    # a time zone is kept as a UTC offset, at minute grain
    ("à 14h30 UTC", TUESDAY, "nearest", "2018-07-03T14:30Z", "minute"),
    ("à 9 heures CEST", TUESDAY, "nearest", "2018-07-03T09:00+02:00", "minute"),
    # from now to an offset, the end excluded
    ("d'ici trois semaines", TUESDAY, "nearest", "2018-07-03/2018-07-23", "day"),
    ("dans les 10 jours", EVENING, "nearest", "2018-07-03T19:45:00/2018-07-13T18:59", "second"),
    # a part of the day as the whole text is that part of the reference day
    ("le soir", TUESDAY, "nearest", "2018-07-03T18:00/2018-07-03T23:00", "hour"),
    ("l'après-midi du 5 juillet", TUESDAY, "future", "2018-07-05T12:00/2018-07-05T18:00", "hour"),
    # a phase of the current unit that is over: the coming one, unless the verb is past
    ("en début de mois", "2018-07-12", "future", "2018-08-01/2018-08-05", "day"),
    ("au début du mois", "2018-07-12", "past", "2018-07-01/2018-07-05", "day"),
    ("au début du mois", "2018-07-03", "future", "2018-07-01/2018-07-05", "day"),
    ("en fin de semaine", TUESDAY, "future", "2018-07-05/2018-07-08", "day"),
    ("depuis le début de l'année", "2018-11-20", "future", "2018-01/..", "month"),
    # a week named by a Sunday is the week that starts the next day
    ("la semaine du 8 juillet", TUESDAY, "future", "2018-W28", "week"),
    # clock hours that share one unit, alone or on a written day
    ("de 9 à 18 heures", TUESDAY, "nearest", "2018-07-03T09:00/2018-07-03T18:00", "hour"),
    ("entre 8 et 10 heures", TUESDAY, "nearest", "2018-07-03T08:00/2018-07-03T10:00", "hour"),
    ("de 14 à 16 h", TUESDAY, "nearest", "2018-07-03T14:00/2018-07-03T16:00", "hour"),
    ("de 9 à 12 h 30", TUESDAY, "nearest", "2018-07-03T09:00/2018-07-03T12:30", "minute"),
    ("de 9 h à 12 h 30", TUESDAY, "nearest", "2018-07-03T09:00/2018-07-03T12:30", "minute"),
    ("de neuf à onze heures", TUESDAY, "nearest", "2018-07-03T09:00/2018-07-03T11:00", "hour"),
    ("jeudi de 9 à 11 heures", TUESDAY, "future", "2018-07-05T09:00/2018-07-05T11:00", "hour"),
    ("de 9 à 11 heures jeudi", TUESDAY, "future", "2018-07-05T09:00/2018-07-05T11:00", "hour"),
    (
        "de 2 à 4 heures de l'après-midi",
        TUESDAY,
        "nearest",
        "2018-07-03T14:00/2018-07-03T16:00",
        "hour",
    ),
    # a clock range that runs past midnight ends the next day
    ("de 22 à 5 heures", TUESDAY, "nearest", "2018-07-03T22:00/2018-07-04T05:00", "hour"),
    ("de 21 h à 6 h", TUESDAY, "nearest", "2018-07-03T21:00/2018-07-04T06:00", "hour"),
    ("de 11h30 à 1h30", TUESDAY, "nearest", "2018-07-03T11:30/2018-07-03T13:30", "minute"),
    # without a unit, a clock range only as the whole text (in a sentence it is a count)
    ("de 5 à 7", TUESDAY, "nearest", "2018-07-03T05:00/2018-07-03T07:00", "hour"),
    ("entre 5 et 7", TUESDAY, "nearest", "2018-07-03T05:00/2018-07-03T07:00", "hour"),
    # month ranges, placed as one period with the tense, crossing the year
    ("de décembre à février", "2024-03-12", "past", "2023-12/2024-02", "month"),
    ("de décembre à février", "2024-03-12", "future", "2024-12/2025-02", "month"),
    ("de décembre à février", "2024-01-15", "past", "2023-12/2024-02", "month"),
    ("entre décembre et février", "2024-03-12", "past", "2023-12/2024-02", "month"),
    ("d'octobre à décembre", "2024-03-12", "past", "2023-10/2023-12", "month"),
    ("d'octobre à décembre", "2024-03-12", "future", "2024-10/2024-12", "month"),
    ("de novembre à mars", "2024-12-10", "future", "2024-11/2025-03", "month"),
    ("de mars à mai 2023", "2024-03-12", "future", "2023-03/2023-05", "month"),
    ("de janvier à mars 2024", None, "nearest", "2024-01/2024-03", "month"),
    ("de décembre à février 2024", None, "nearest", "2023-12/2024-02", "month"),
    ("de septembre 2023 à février", None, "nearest", "2023-09/2024-02", "month"),
    ("de début décembre à fin février", "2024-03-12", "past", "2023-12-01/2024-02-29", "day"),
    ("du 20 décembre au 5 janvier", "2024-01-03", "past", "2023-12-20/2024-01-05", "day"),
    ("du 20 décembre au 5 janvier", "2024-11-02", "future", "2024-12-20/2025-01-05", "day"),
    xfail(
        "le 3 du mois prochain",
        TUESDAY,
        "nearest",
        "2018-08-03",
        "day",
        reason="a day number anchored on a relative month is not parsed",
    ),
]


@pytest.mark.parametrize(("phrase", "ref", "direction", "value", "grain"), CASES)
def test_normalize(
    phrase: str, ref: str | None, direction: Direction, value: str, grain: str
) -> None:
    got = G.normalize(phrase, Reference.parse(ref), direction)
    assert got is not None, f"{phrase!r} not read as one date mention"
    assert (got.value, got.grain) == (value, grain)
    assert is_timex(got.value)


@pytest.mark.parametrize(
    "phrase",
    [
        "hier",
        "lundi",
        "le 2 juillet",
        "en juillet",
        "cette année",
        "au premier trimestre",
        "ce soir",
        "il y a trois jours",
        "mi-juillet",
    ],
)
def test_relative_without_reference_is_none(phrase: str) -> None:
    got = G.normalize(phrase, None)
    assert got is not None and got.value is None and got.relative


@pytest.mark.parametrize(
    "phrase",
    ["en 2011", "3 juillet 2018", "exercice 2017-2018", "T3 2022", "en juillet 2017", "12/03/2020"],
)
def test_absolute_needs_no_reference(phrase: str) -> None:
    got = G.normalize(phrase, None)
    assert got is not None and got.value is not None and not got.relative


@pytest.mark.parametrize(
    "text",
    [
        "39,9",
        "18,2",
        "12,5 3,4 1 000 000",
        "1 minute",
        "pendant trois jours",
        "Chaque jour",
        "Ma",
        "01 45 67 89 10",
        "2 000 euros",
        "74",
        "deux trois",
        "3-1",
        "2 000 emplois",
        "2019 habitants",
        "il a été élu",
        "la planète Mars",
        "pendant 48h",
        "le 16e arrondissement",
        "1/3 des salariés",
        "Nantes 21 3 14 points",
        "ouvert 24h/24 et 7j/7",
        "une prime de 1500 euros",
        "un total de 1987 votes",
        "le musée ouvre en semaine",
        "au 02 31 45 67 89",
        "une année difficile",
        "la semaine",
        "les jours",
        "en secondaire",
        "pendant des mois",
        "minutes",
        "3,5 milliards en 2020,5",
        # fractions, scores, idioms and counts that look like day/month
        "2/3 des députés",
        "les 3/4 du budget",
        "le service est assuré 24/7",
        "Lyon a battu Nice 21/14",
        "un film noté 14/10",
        "une note de 12/20",
        "il a obtenu 12/12",
        "Ils ont gagné 6 3 et 6 4",
        "le 12 5 % des voix",
        "au 12 3 euros",
        "le 1 000e client",
        "dans 2'30",
        "Le soir, les manifestants se sont dispersés.",
        "les 11/12 ans",
        "un 10/10 parfait",
        "un écran 16/9",
        "Le taux est passé de 12/5 à 14/6.",
        "Le 15 4 x 100 m a été remporté par la Jamaïque.",
        "dans les 15 jours qui suivent le vote",
        # a range of hours that is a length of time, and a bare range that is a count
        "Les salariés travaillent de 8 à 10 heures par jour.",
        "une grève de 2 à 3 heures",
        "il faut compter de 3 à 4 heures de route",
        "La réunion durera de 2 à 3 heures.",
        "un temps d'attente de 2 à 3 heures",
        "Les délais vont de 2 à 4 heures.",
        "une durée estimée entre 3 et 5 heures",
        "Il faut attendre entre 2 et 3 heures aux urgences.",
        "Ils ont roulé de 4 à 6 heures d'affilée.",
        "La durée hebdomadaire a été portée de 35 à 39 heures.",
        "une autonomie de 8 à 10 heures",
        "Le parti est passé de 5 à 7 sièges.",
        "Le nombre de juges passera de 9 à 12.",
        "de 25 à 30",
        # addresses, and a game's "jeu." read as an abbreviated weekday
        "Le cabinet s'est installé au 18, rue des Tanneurs.",
        "La boutique du 7 bis, quai de la Fosse a fermé.",
        "Le ballon a été perdu en fin de jeu.",
    ],
)
def test_not_a_date(text: str) -> None:
    found = [text[c.start : c.end] for c in G.scan(text)]
    assert found == [], found


def test_publication_date_in_text() -> None:
    text = "Mis à jour le 5 mars 2020 à 10h32\n\nLe Sénat a voté la loi."
    found = G.find_published(text)
    assert found is not None and found[2] == "2020-03-05"
    assert "5 mars 2020" in text[found[0] : found[1]]


def test_dateline_only_at_paragraph_start() -> None:
    assert G.find_published("Le 22 mai 2012. - ce n'est pas en tête") is not None
    assert G.find_published("Il est né le 22 mai 2012 - à Paris.") is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("le budget 2021 est voté", "2021"),
        ("la crise de 2008", "2008"),
        ("en 2011", "en 2011"),
        # "pour" is a signal, outside the date, as the news gold sets annotate it
        ("un objectif de marge relevé pour 2026", "2026"),
        ("vers 2030", "vers 2030"),
    ],
)
def test_year_cue_inside_or_outside_the_span(text: str, mention: str) -> None:
    assert [text[c.start : c.end] for c in G.scan(text)] == [mention]


def test_lowercase_cet_is_not_a_time_zone() -> None:
    text = "Le concert commencera à 21h cet été"
    assert [text[c.start : c.end] for c in G.scan(text)] == ["à 21h", "cet été"]


def test_anchor_without_a_date_is_the_relative_day() -> None:
    text = "La veille du scrutin, les candidats ont tenu meeting."
    assert [text[c.start : c.end] for c in G.scan(text)] == ["La veille"]


def test_capitals_after_a_zone_word_are_a_headline_not_a_zone() -> None:
    text = "LE MATCH À 20H EST DIFFUSÉ EN CLAIR"
    found = G.scan(text)
    assert [text[c.start : c.end] for c in found] == ["À 20H"]
    assert found[0].timex(Reference.parse(TUESDAY)).value == "2018-07-03T20:00"


def test_within_after_a_past_verb_has_no_value() -> None:
    # "a été libéré dans les 15 jours": counted from an event the text names elsewhere
    got = G.normalize("dans les 15 jours", Reference.parse(TUESDAY), "past")
    assert got is not None and got.value is None


def test_offset_after_an_event_has_no_value() -> None:
    # "six mois après sa promulgation": counted from the event, not from the reference
    text = "six mois après sa promulgation"
    [c] = G.scan(text)
    assert text[c.start : c.end] == "six mois après" and c.settled
    assert c.timex(Reference.parse(TUESDAY)) == Timex(None, "month", True)
    alone = G.normalize("deux jours après", Reference.parse(TUESDAY), "nearest")
    assert alone is not None and alone.value == "2018-07-05"


def test_compared_year_is_the_year_alone() -> None:
    text = "en baisse de 8 % par rapport à 2019"
    [c] = G.scan(text)
    assert text[c.start : c.end] == "2019" and c.timex(None).value == "2019"


@pytest.mark.parametrize("text", ["3 buts contre 1999 spectateurs", "travailler 8 heures par jour"])
def test_counts_near_cues_are_not_dates(text: str) -> None:
    assert G.scan(text) == []


def test_clock_range_with_a_place_after_is_still_the_clock() -> None:
    # "de" with an article says where from, not what the hours are hours of
    text = "Le cortège partira entre 14 et 15 heures de la place de la Nation."
    [c] = G.scan(text)
    assert text[c.start : c.end] == "entre 14 et 15 heures"
    assert c.timex(Reference.parse(TUESDAY)).value == "2018-07-03T14:00/2018-07-03T15:00"


def test_clock_range_before_a_day_range_stays_apart() -> None:
    text = "Les urnes sont ouvertes de 8 à 18 heures du lundi au vendredi."
    found = [text[c.start : c.end] for c in G.scan(text)]
    assert found == ["de 8 à 18 heures", "du lundi au vendredi"]


def test_month_range_after_a_written_start_needs_no_reference() -> None:
    got = G.normalize("de septembre 2023 à février", None)
    assert got is not None and not got.relative and got.value == "2023-09/2024-02"


def _value(
    g: DateGrammar, phrase: str, ref: Reference | None, dr: Direction = "nearest"
) -> str | None:
    got = g.normalize(phrase, ref, dr)
    return None if got is None else got.value


@pytest.mark.parametrize(
    ("ref", "direction", "value"),
    [
        # a half of this year that has begun is the one reported on, even when next year's
        # is nearer ("au premier semestre" in October)
        ("2023-10-20", "nearest", "2023-H1"),
        ("2023-03-02", "nearest", "2022-H2"),
        ("2023-10-20", "future", "2024-H1"),
        ("2023-10-20", "past", "2023-H1"),
    ],
)
def test_half_without_tense_is_this_years_once_begun(
    ref: str, direction: Direction, value: str
) -> None:
    phrase = "au premier semestre" if value.endswith("H1") else "au second semestre"
    assert _value(G, phrase, Reference.parse(ref), direction) == value


@pytest.mark.parametrize(
    ("phrase", "ref", "direction", "value"),
    [
        ("en novembre dernier", "2025-11-18", "future", "2024-11"),
        ("en novembre dernier", "2025-12-01", "nearest", "2025-11"),
        ("en février prochain", "2025-02-10", "past", "2026-02"),
        ("le 14 septembre dernier", "2025-09-10", "future", "2024-09-14"),
        ("le 2 avril prochain", "2025-06-10", "past", "2026-04-02"),
    ],
)
def test_modifier_after_a_month_is_part_of_the_date(
    phrase: str, ref: str, direction: Direction, value: str
) -> None:
    [c] = G.scan(f"Le texte sera examiné {phrase}.")
    assert c.end - c.start == len(phrase)
    assert _value(G, phrase, Reference.parse(ref), direction) == value


@pytest.mark.parametrize(
    "text",
    [
        "Les infirmières font de 7 heures à 9 heures par jour de trajet.",
        "Les chauffeurs conduisent de 9 h à 11 h par jour.",
        "Les caissiers travaillent 35 heures par semaine.",
    ],
)
def test_range_of_hours_with_two_units_can_be_a_length(text: str) -> None:
    assert G.scan(text) == []


def test_part_of_today_and_clock_time_are_one_mention() -> None:
    text = "Le préfet tiendra une conférence de presse ce soir à 19 heures."
    [c] = G.scan(text)
    assert text[c.start : c.end] == "ce soir à 19 heures"
    assert _value(G, "ce soir à 19 heures", Reference.parse(TUESDAY)) == "2018-07-03T19:00"
    assert _value(G, "cet après-midi à 3 heures", Reference.parse(TUESDAY)) == "2018-07-03T15:00"


def test_range_of_hours_with_two_units_after_a_lasting_word_is_the_clock() -> None:
    text = "Une coupure de courant aura lieu jeudi de 8 heures à 12 heures."
    [c] = G.scan(text)
    assert text[c.start : c.end] == "jeudi de 8 heures à 12 heures"
    assert _value(G, text[c.start : c.end], Reference.parse(TUESDAY), "future") == (
        "2018-07-05T08:00/2018-07-05T12:00"
    )


def test_every_rule_is_in_the_table_order() -> None:
    # the order of the table decides between equally long matches: a rule registered but not
    # listed would be silently dropped, so compiling refuses it
    from factex.normalize.dates.rules import _REGISTRY, ORDER

    DateGrammar.for_language("fr")
    assert sorted(_REGISTRY) == sorted(ORDER) and len(ORDER) == len(set(ORDER))


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2018-07-03", "2018-07-03T00:00:00/False"),
        (" 2018-07-03T10:15Z ", "2018-07-03T10:15:00/True"),
    ],
)
def test_the_reference_read_back_from_its_iso_form(given: str, iso: str) -> None:
    # the Doc keeps the ISO string of parse_published's value; Reference.parse reads it back
    # with the same ISO reader, a time zone dropped (values are wall-clock times)
    from factex.normalize.dates import parse_published

    parsed = parse_published(given)
    assert parsed is not None
    ref = Reference.parse(parsed.isoformat())
    assert ref is not None and f"{ref.dt.isoformat()}/{ref.has_time}" == iso


@pytest.mark.parametrize(
    ("phrase", "value", "grain"),
    [
        ("tous les jours", "P1D", "set"),
        ("toutes les semaines", "P1W", "set"),
        ("chaque mois de mars", "XXXX-03", "set"),
        ("tous les dimanches", "XXXX-WXX-7", "set"),
        ("chaque automne", "XXXX-FA", "set"),
        ("dorénavant", "PRESENT_REF", "ref"),
        ("autrefois", "PAST_REF", "ref"),
        ("les semaines à venir", "FUTURE_REF", "ref"),
        ("IIIe siècle", "02", "century"),
        ("milieu du 20e siècle", "19", "century"),
    ],
)
def test_values_without_a_calendar(phrase: str, value: str, grain: str) -> None:
    # no reference needed: these name no day of the calendar
    assert G.normalize(phrase, None) == Timex(value, grain, False)


@pytest.mark.parametrize(
    "text",
    [
        "Chaque 45 minutes, un bus passe.",  # a count before a unit is no day of a month
        "un deuxième semestre consécutif de hausse",
        "Il a vécu en 45 jours ce que d'autres vivent en une vie.",
        "la ligne 2024 du tramway",
        "Le dossier n° 1998 est clos.",
        "Les 2019 participants ont couru 1999 mètres.",
    ],
)
def test_new_shapes_that_are_not_dates(text: str) -> None:
    assert [text[c.start : c.end] for c in G.scan(text)] == []


def test_bare_and_short_years() -> None:
    text = "Le plan 2030 de la ville, lancé en 99 et revu en juin 04, vise 2031 et 2032."
    got = [(text[c.start : c.end], c.timex(None).value) for c in G.scan(text)]
    # "04" stays out: two figures below 30 are as often a count as a year
    assert got == [
        ("2030", "2030"),
        ("en 99", "1999"),
        ("en juin", None),
        ("2031", "2031"),
        ("2032", "2032"),
    ]


def test_anaphora_falls_back_on_the_reference_without_a_focus() -> None:
    ref = Reference.parse("2018-07-03")
    assert G.normalize("l'année précédente", ref) == Timex("2017", "year", True)
    assert G.normalize("le trimestre suivant", ref) == Timex("2018-Q4", "quarter", True)

