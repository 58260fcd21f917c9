"""Fact-dense French financial articles for the throughput benchmark, built from templates.

Financial news, factex's main use, holds an amount, a percentage, a date and a few names in
almost every sentence: far denser than Wikinews, and the case where factex's components cost
most next to the model. The sentences are written for this benchmark; names, figures and dates
vary by seedless arithmetic, so every run measures the same ~50 000 characters.

    python benchmarks/dense.py          # prints the texts' size and the first article
"""

from __future__ import annotations

FIRMS = (
    "Renault", "Danone", "Orange", "Vinci", "Safran", "Kering", "Engie", "Thales", "Legrand",
    "Bouygues", "Michelin", "Capgemini", "Publicis", "Veolia", "Carrefour", "Accor",
)  # fmt: skip
PEOPLE = (
    "Claire Fontaine", "Marc Oudin", "Sophie Lemaire", "Julien Barre", "Nadia Cherif",
    "Thomas Vial", "Hélène Roussel", "Karim Benali",
)  # fmt: skip
CITIES = ("Lyon", "Lille", "Nantes", "Rennes", "Toulouse", "Bordeaux", "Grenoble", "Strasbourg")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre",
    "novembre", "décembre",
)  # fmt: skip
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi")
QUARTERS = ("premier", "deuxième", "troisième", "quatrième")

# One fact-dense sentence per template: {a}, {b} amounts, {p}, {q} percentages, dates and names.
TEMPLATES = (
    "{firm} a publié {day} un chiffre d'affaires de {a} milliards d'euros pour le {quarter} "
    "trimestre {year}, en hausse de {p} % sur un an.",
    "Le résultat net du groupe a reculé de {q} % à {b} millions d'euros au premier semestre, "
    "a indiqué {person}, sa directrice financière, le {dom} {month}.",
    "À {city}, {firm} investira {b} millions d'euros d'ici {year2} et créera {n} emplois, "
    "soit {p} % de ses effectifs locaux.",
    "L'action {firm} a gagné {p} % à la Bourse de Paris {day}, tandis que le CAC 40 cédait "
    "{q} % à {index} points.",
    "La marge opérationnelle est passée de {q} % à {p} % entre {year} et {year2}, selon le "
    "communiqué publié le {dom} {month}.",
    "{firm} a racheté la société {other} pour {a} milliards de dollars, soit une prime de "
    "{p} % sur le cours du {dom} {month} {year}.",
    "Le conseil d'administration proposera un dividende de {c} euros par action au titre de "
    "l'exercice {year}, contre {d} euros un an plus tôt.",
    "Selon {person}, la dette nette devrait baisser de {q} % d'ici fin {year2}, à {a} "
    "milliards d'euros, grâce à la cession de {other}.",
    "Les ventes en Amérique du Nord ont progressé de {p} % au {quarter} trimestre, à {b} "
    "millions de dollars, et représentent désormais {q} % du total.",
    "{firm} relève son objectif annuel : le bénéfice par action atteindrait {c} euros en "
    "{year2}, soit {p} % de plus qu'en {year}.",
    "Le {dom} {month}, {other} a levé {b} millions d'euros auprès de ses actionnaires, une "
    "opération souscrite à {r} %.",
    "L'inflation a ralenti à {q} % sur un an en {month}, après {p} % le mois précédent, a "
    "annoncé l'Insee {day}.",
)


def _fill(template: str, i: int) -> str:
    """One sentence: template ``template`` with values varied by ``i``."""
    year = 2018 + i % 7
    values = {
        "firm": FIRMS[i % len(FIRMS)],
        "other": FIRMS[(i * 5 + 3) % len(FIRMS)],
        "person": PEOPLE[i % len(PEOPLE)],
        "city": CITIES[i % len(CITIES)],
        "day": DAYS[i % len(DAYS)],
        "month": MONTHS[(i * 7) % len(MONTHS)],
        "quarter": QUARTERS[i % 4],
        "dom": i % 27 + 1,
        "year": year,
        "year2": year + 1 + i % 3,
        "a": f"{i % 40 + 2},{i % 9 + 1}",
        "b": (i * 37) % 900 + 15,
        "c": f"{i % 6 + 1},{(i * 3) % 90 + 10}",
        "d": f"{i % 5 + 1},{(i * 7) % 90 + 10}",
        "p": f"{i % 12 + 1},{i % 7 + 1}",
        "q": f"{i % 9},{(i * 3) % 10}",
        "r": 100 + i % 80,
        "n": (i * 53) % 1500 + 40,
        "index": f"{7000 + (i * 97) % 900} {i % 10}0".replace(" ", ",", 1)[:-1],
    }
    return template.format(**values)


def dense_texts(chars: int = 50_000, sentences_per_article: int = 14) -> list[str]:
    """Articles of fact-dense sentences, about ``chars`` characters in all, in paragraphs."""
    texts: list[str] = []
    total, i = 0, 0
    while total < chars:
        sentences = [
            _fill(TEMPLATES[(i + k * 5) % len(TEMPLATES)], i * sentences_per_article + k)
            for k in range(sentences_per_article)
        ]
        paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        text = "\n\n".join(paragraphs)
        texts.append(text)
        total += len(text)
        i += 1
    return texts


if __name__ == "__main__":
    texts = dense_texts()
    print(f"{len(texts)} articles, {sum(map(len, texts))} characters")
    print(texts[0])
