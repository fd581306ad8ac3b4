"""The communes of France with their département and postal codes (hooks/ssp/data/communes.json,
made by tools/make_communes.py from official data): does an event's town have its postal code?

Town names are compared as readers and editors write them: case, accents, hyphens and apostrophes
forgiven, « St »/« Ste » read as « Saint »/« Sainte », and a trailing « Cedex … » or arrondissement
(« Paris 15e », « Lyon 3e arrondissement ») left aside. The home page's « près de chez vous » box
reads the same file with the same rule (docs/assets/javascripts/places.js: keep both in step).
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path

from .text import fold, slugify
from .vocab import REGION_OF_DEPARTEMENT, departement_of

DATA = Path(__file__).parent / "data" / "communes.json"  # on the site too: urls.link("communes")
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
ARRONDISSEMENT = re.compile(r"^\d+(e|er|eme|ieme|arrondissement)?$")


def town_key(name: str) -> str:
    """« St-Étienne Cedex 2 » → « saint etienne »."""
    words = slugify(name).split("-")
    if "cedex" in words:
        words = words[:words.index("cedex")]
    while len(words) > 1 and (ARRONDISSEMENT.match(words[-1]) or words[-1] == "arrondissement"):
        words.pop()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


@cache
def communes() -> tuple[dict[str, list[tuple[str, str, list[str]]]], set[str]]:
    """Communes by town key, and every postal code known."""
    by_town: dict[str, list[tuple[str, str, list[str]]]] = {}
    codes: set[str] = set()
    for name, departement, postal_codes in json.loads(DATA.read_text(encoding="utf-8"))["communes"]:
        by_town.setdefault(town_key(name), []).append((name, departement, postal_codes.split()))
        codes.update(postal_codes.split())
    return by_town, codes


@cache
def departements_named(city: str) -> frozenset[str]:
    """The départements of every commune of that name (« Saint-Denis »: 11, 30, 93, 974)."""
    return frozenset(departement for _, departement, _ in communes()[0].get(town_key(city), []))


def departement_of_town(city: str, region: str | None) -> str | None:
    """The département of a town written without its postal code, when its name says it: the one commune
    so named in the event's region (« Dechy », Hauts-de-France: 59; « Saint-Denis », La Réunion: 974)."""
    found = {code for code in departements_named(city) if region is None or REGION_OF_DEPARTEMENT.get(code) == region}
    return found.pop() if len(found) == 1 else None


def regions_named(city: str) -> list[str]:
    """The regions of every commune of that name, in French order."""
    return sorted({REGION_OF_DEPARTEMENT[code] for code in departements_named(city) if code in REGION_OF_DEPARTEMENT}, key=fold)


def region_of_place(city: str, postal_code: str | None) -> str | None:
    """The region of a place, when its postal code says it, or its town's name (every commune so named in one
    region): what an editor who left the region out is told to write."""
    if postal_code:
        return REGION_OF_DEPARTEMENT.get(departement_of(postal_code) or "")
    regions = regions_named(city)
    return regions[0] if len(regions) == 1 else None


def missing_region(city: str, postal_code: str | None) -> str:
    """What a place without its region is told: the region, when the place says it."""
    region = region_of_place(city, postal_code)
    return "champ obligatoire manquant : la région du lieu " + (
        f"({city} est en {region})" if region else "(par exemple Occitanie)")


def town_outside(city: str, region: str) -> str | None:
    """What is wrong when a town written without its postal code has no commune of its name in the event's region."""
    regions = regions_named(city)
    if not regions or region in regions:
        return None  # a name the official list lacks is not judged
    where = f"la commune « {city} » est en {regions[0]}" if len(regions) == 1 else \
        f"les communes « {city} » sont en {', '.join(regions[:-1])} ou {regions[-1]}"
    return f"{where}, pas en {region} : corrigez la région ou la commune (ou écrivez le code postal)"


def mismatch(city: str, postal_code: str) -> tuple[str, str] | None:
    """The field at fault (« city » or « postal_code ») and what is wrong, in French; None when the
    town and the postal code agree.

    A postal code that no commune has is a « Cedex » code (an establishment's own): then the town
    only has to be in the code's département."""
    by_town, known = communes()
    towns = by_town.get(town_key(city), [])
    if not towns:
        near = [town for key in difflib.get_close_matches(town_key(city), by_town, n=6, cutoff=0.75)
                for town in by_town[key]]
        near.sort(key=lambda town: town[1] != departement_of(postal_code))  # the code's département first
        hint = " ou ".join(f"« {name} » ({departement})" for name, departement, _ in near[:3])
        return "city", (f"la commune « {city} » est inconnue des données officielles (Insee) : vérifiez son orthographe"
                + (f" (vouliez-vous écrire {hint} ?)" if hint else " (par exemple « Saint-Étienne », sans abréviation)"))
    if any(postal_code in codes for _, _, codes in towns):
        return None
    departement = departement_of(postal_code)
    if postal_code not in known and any(town_departement == departement for _, town_departement, _ in towns):
        return None
    choices = " ; ".join(f"{name} ({town_departement}) : {', '.join(codes[:6])}{'…' if len(codes) > 6 else ''}"
                         for name, town_departement, codes in towns[:5])
    return "postal_code", f"le code postal {postal_code} n'est pas celui de {city} ({choices}) : corrigez le code postal ou la commune"
