"""Synthetic campaigns in the real content format, for the benchmark: `python bench/generate.py DOSSIER N [EDITIONS]`.

Realistic French text, every region (overseas included, with its own time zone), every event type,
slots, cancelled and online events. Deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from ssp.vocab import AUDIENCES, EVENT_TYPES, REGIONS

CITIES = {
    "Auvergne-Rhône-Alpes": ("Lyon", "69003"), "Bourgogne-Franche-Comté": ("Dijon", "21000"),
    "Bretagne": ("Rennes", "35000"), "Centre-Val de Loire": ("Tours", "37000"), "Corse": ("Ajaccio", "20000"),
    "Grand Est": ("Strasbourg", "67000"), "Hauts-de-France": ("Lille", "59000"), "Île-de-France": ("Paris", "75013"),
    "Normandie": ("Rouen", "76000"), "Nouvelle-Aquitaine": ("Bordeaux", "33000"), "Occitanie": ("Montpellier", "34000"),
    "Pays de la Loire": ("Nantes", "44000"), "Provence-Alpes-Côte d'Azur": ("Marseille", "13005"),
    "Guadeloupe": ("Pointe-à-Pitre", "97110"), "Martinique": ("Fort-de-France", "97200"), "Guyane": ("Cayenne", "97300"),
    "La Réunion": ("Saint-Denis", "97400"), "Mayotte": ("Mamoudzou", "97600"),
}
PLACES = ["Centre hospitalier", "Clinique", "CHU", "EHPAD", "Maison de santé pluriprofessionnelle", "Centre de dialyse"]
SUBJECTS = ["l'identitovigilance", "le bon usage des médicaments", "l'hygiène des mains", "la chambre des erreurs",
            "le partenariat patient", "la conciliation médicamenteuse", "la prévention des chutes", "la douleur",
            "la lettre de liaison", "les événements indésirables", "la sécurité du nouveau-né", "le diagnostic"]
SENTENCES = [
    "Les professionnels présentent leur travail au travers du parcours du patient et de son entourage.",
    "Les usagers découvrent l'organisation mise en place pour une prise en charge sûre et de qualité.",
    "Un temps d'échange permet à chacun de poser ses questions aux équipes soignantes.",
    "Les représentants des usagers sont associés à la préparation et à l'animation de l'action.",
    "Des supports de la campagne nationale sont remis aux participants.",
    "L'action s'inscrit dans la semaine de la sécurité des patients et promeut une culture commune de sécurité.",
]


def event_text(rng: random.Random, year: int, start_day, index: int) -> str:
    region = rng.choice(list(REGIONS))
    city, postal = CITIES[region]
    kind = rng.choice(list(EVENT_TYPES))
    subject = rng.choice(SUBJECTS)
    place = rng.choice(PLACES)
    lines = ["---", f"title: \"{EVENT_TYPES[kind]} sur {subject} n° {index}\"", f"type: {kind}"]
    shape = rng.random()
    date = start_day.fromordinal(start_day.toordinal() + rng.randrange(5)).isoformat()
    if shape < 0.1:
        lines += ["slots:", f"  - start: {date}T09:00", "    end: \"12:00\"", f"  - start: {date}T14:00", "    end: \"17:00\""]
    elif shape < 0.6:
        hour = rng.choice([9, 10, 14, 15])
        lines += [f"start: {date}T{hour:02d}:{rng.choice(['00', '30'])}", f"end: \"{hour + 2:02d}:00\""]
    else:
        lines += [f"start: {date}"]
    lines += [f"organizer: \"{place} de {city}\""]
    if rng.random() < 0.08:
        lines += ["online_url: https://example.org/direct"]
    else:
        lines += ["venue:", f"  name: \"{place} de {city}\"", f"  postal_code: \"{postal}\"", f"  city: \"{city}\"",
                  f"region: \"{region}\""]
    lines += [f"audience: [{', '.join(rng.sample(list(AUDIENCES), 2))}]"]
    if rng.random() < 0.05:
        lines += ["status: cancelled"]
    body = f"Une action sur {subject}. " + " ".join(rng.sample(SENTENCES, 3)) + "\n\n" + " ".join(rng.sample(SENTENCES, 2)) + "\n"
    if rng.random() < 0.4:  # editors also write lists, bold text and links
        body += ("\nAu programme :\n\n- **stand d'information** dans le hall ;\n- quiz sur *les idées reçues* ;\n"
                 "- échanges avec les représentants des usagers.\n\n"
                 "Renseignements sur [le site de l'établissement](https://example.org/actions).\n")
    return "\n".join(lines) + "\n---\n" + body


SITE_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "modeles")
PROJECT = Path(__file__).resolve().parent.parent


def copy_site(folder: Path, *parts: str) -> None:
    """The site's code (and `parts`, as « campaigns ») copied into `folder`; the DSFR package linked, not copied (88 MB)."""
    for part in SITE_PARTS + parts:
        source = PROJECT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / part)
    (folder / "tools").mkdir(exist_ok=True)
    (folder / "tools" / "dsfr").symlink_to(PROJECT / "tools" / "dsfr", target_is_directory=True)


def generate(folder: Path, events: int, editions: int = 15) -> None:
    from datetime import date

    rng = random.Random(20171120)
    campaigns = folder / "campaigns"
    years = list(range(2026 - editions + 1, 2027))
    for number, year in enumerate(years, start=1):
        edition = campaigns / str(year)
        (edition / "events").mkdir(parents=True, exist_ok=True)
        (edition / "edition.yml").write_text(
            f"year: {year}\nnumber: {number}\ntheme: \"Thème synthétique {year}\"\nstart: {year}-11-16\nend: {year}-11-20\n",
            encoding="utf-8")
    for index in range(events):
        year = years[index % len(years)]
        path = campaigns / str(year) / "events" / f"action-{index:05d}.md"
        path.write_text(event_text(rng, year, date(year, 11, 16), index), encoding="utf-8")


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 15)
