"""Controlled lists of the content contract, with their French labels."""

from __future__ import annotations

import difflib
from urllib.parse import urlsplit

from .text import fold, slugify
from .urls import link

EVENT_TYPES = {
    "portes-ouvertes": "Portes ouvertes",
    "colloque": "Colloque",
    "atelier": "Atelier",
    "stand": "Stand d'information",
    "conference": "Conférence",
    "quiz": "Quiz",
    "chambre-des-erreurs": "Chambre des erreurs",
    "exposition": "Exposition",
    "formation": "Formation",
    "autre": "Autre action",
}

# An event's state, as OpenAgenda has them (codes 1 to 6 in its `status`), said of « une action ».
STATUSES = {
    "scheduled": "Programmée",
    "rescheduled": "Reprogrammée",
    "moved-online": "Déplacée en ligne",
    "postponed": "Reportée",
    "full": "Complet",
    "cancelled": "Annulée",
}
# The DSFR badge (fr-badge--…) that says a status other than « scheduled »: on pages, cards and search results.
STATUS_BADGES = {"rescheduled": "info", "moved-online": "info", "postponed": "warning", "full": "info", "cancelled": "error"}

# Facilities planned for people with a disability, as OpenAgenda's `accessibility` codes: motor
# (mi), hearing (hi), visual (vi), psychic (pi) and intellectual (ii) impairment.
ACCESSIBILITY = {
    "moteur": "Accessible en fauteuil roulant",
    "auditif": "Adapté au handicap auditif",
    "visuel": "Adapté au handicap visuel",
    "psychique": "Adapté au handicap psychique",
    "intellectuel": "Adapté au handicap intellectuel",
}

# How one takes part, from the event's place and link (OpenAgenda's attendanceMode 1, 2, 3).
ATTENDANCE = {"sur-place": "Sur place", "en-ligne": "En ligne", "mixte": "Sur place et en ligne"}

AUDIENCES = {
    "grand-public": "Grand public",
    "patients": "Patients",
    "proches": "Proches et aidants",
    "usagers": "Usagers et représentants des usagers",
    "professionnels": "Professionnels de santé",
    "etudiants": "Étudiants",
}

# The 18 regions, their départements (postal code prefixes) and time zone.
REGIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "Auvergne-Rhône-Alpes": (("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"), "Europe/Paris"),
    "Bourgogne-Franche-Comté": (("21", "25", "39", "58", "70", "71", "89", "90"), "Europe/Paris"),
    "Bretagne": (("22", "29", "35", "56"), "Europe/Paris"),
    "Centre-Val de Loire": (("18", "28", "36", "37", "41", "45"), "Europe/Paris"),
    "Corse": (("2A", "2B"), "Europe/Paris"),
    "Grand Est": (("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"), "Europe/Paris"),
    "Hauts-de-France": (("02", "59", "60", "62", "80"), "Europe/Paris"),
    "Île-de-France": (("75", "77", "78", "91", "92", "93", "94", "95"), "Europe/Paris"),
    "Normandie": (("14", "27", "50", "61", "76"), "Europe/Paris"),
    "Nouvelle-Aquitaine": (("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"), "Europe/Paris"),
    "Occitanie": (("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"), "Europe/Paris"),
    "Pays de la Loire": (("44", "49", "53", "72", "85"), "Europe/Paris"),
    "Provence-Alpes-Côte d'Azur": (("04", "05", "06", "13", "83", "84"), "Europe/Paris"),
    "Guadeloupe": (("971",), "America/Guadeloupe"),
    "Martinique": (("972",), "America/Martinique"),
    "Guyane": (("973",), "America/Cayenne"),
    "La Réunion": (("974",), "Indian/Reunion"),
    "Mayotte": (("976",), "Indian/Mayotte"),
}
DEFAULT_TIMEZONE = "Europe/Paris"

TIMEZONE_LABELS = {
    "Europe/Paris": "heure de Paris",
    "America/Guadeloupe": "heure de la Guadeloupe",
    "America/Martinique": "heure de la Martinique",
    "America/Cayenne": "heure de la Guyane",
    "Indian/Reunion": "heure de La Réunion",
    "Indian/Mayotte": "heure de Mayotte",
}

DEPARTEMENTS = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence", "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes", "09": "Ariège", "10": "Aube", "11": "Aude",
    "12": "Aveyron", "13": "Bouches-du-Rhône", "14": "Calvados", "15": "Cantal", "16": "Charente",
    "17": "Charente-Maritime", "18": "Cher", "19": "Corrèze", "2A": "Corse-du-Sud", "2B": "Haute-Corse",
    "21": "Côte-d'Or", "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne", "32": "Gers",
    "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre", "37": "Indre-et-Loire",
    "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher", "42": "Loire", "43": "Haute-Loire",
    "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot", "47": "Lot-et-Garonne", "48": "Lozère",
    "49": "Maine-et-Loire", "50": "Manche", "51": "Marne", "52": "Haute-Marne", "53": "Mayenne",
    "54": "Meurthe-et-Moselle", "55": "Meuse", "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord",
    "60": "Oise", "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin", "69": "Rhône",
    "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie", "74": "Haute-Savoie",
    "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne", "78": "Yvelines", "79": "Deux-Sèvres",
    "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne", "83": "Var", "84": "Vaucluse", "85": "Vendée",
    "86": "Vienne", "87": "Haute-Vienne", "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort",
    "91": "Essonne", "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne",
    "95": "Val-d'Oise", "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion",
    "976": "Mayotte",
}
REGION_OF_DEPARTEMENT = {dep: region for region, (deps, _) in REGIONS.items() for dep in deps}


_REGION_BY_FOLDED = {fold(name): name for name in REGIONS}
# what regional teams write too: taken as the region's name
_REGION_BY_FOLDED.update({"reunion": "La Réunion", "paca": "Provence-Alpes-Côte d'Azur", "regionsud": "Provence-Alpes-Côte d'Azur",
                          "idf": "Île-de-France", "ara": "Auvergne-Rhône-Alpes", "aura": "Auvergne-Rhône-Alpes",
                          "bfc": "Bourgogne-Franche-Comté", "hdf": "Hauts-de-France", "cvl": "Centre-Val de Loire",
                          "centre": "Centre-Val de Loire", "pdl": "Pays de la Loire"})
# the regions merged in 2016 (past editions' documents name them): suggested, not taken, the editor choosing the name kept
_FORMER_REGIONS = {fold(former): region for region, formers in {
    "Auvergne-Rhône-Alpes": ("Auvergne", "Rhône-Alpes"), "Bourgogne-Franche-Comté": ("Bourgogne", "Franche-Comté"),
    "Grand Est": ("Alsace", "Lorraine", "Champagne-Ardenne", "Alsace-Champagne-Ardenne-Lorraine"),
    "Hauts-de-France": ("Nord-Pas-de-Calais", "Picardie", "Nord-Pas-de-Calais-Picardie"),
    "Normandie": ("Basse-Normandie", "Haute-Normandie"),
    "Nouvelle-Aquitaine": ("Aquitaine", "Limousin", "Poitou-Charentes", "Aquitaine-Limousin-Poitou-Charentes"),
    "Occitanie": ("Languedoc-Roussillon", "Midi-Pyrénées", "Languedoc-Roussillon-Midi-Pyrénées")}.items() for former in formers}


def region_named(text: str) -> str | None:
    """The region's official name, forgiving accents, case and hyphens."""
    return _REGION_BY_FOLDED.get(fold(text))


def closest_region(text: str) -> str | None:
    """The region a mistyped name most likely means (« Haut de France » → Hauts-de-France), if one is close,
    or that a former region is part of (« Picardie » → Hauts-de-France)."""
    if former := _FORMER_REGIONS.get(fold(text)):
        return former
    close = difflib.get_close_matches(fold(text), list(_REGION_BY_FOLDED), n=1, cutoff=0.75)
    return _REGION_BY_FOLDED[close[0]] if close else None


def departement_of(postal_code: str) -> str | None:
    """Département code of a French postal code (Corsica: 200xx-201xx → 2A)."""
    if postal_code.startswith("97"):
        return postal_code[:3] if postal_code[:3] in DEPARTEMENTS else None
    if postal_code.startswith("20"):
        return "2A" if postal_code[2] in "01" else "2B"
    return postal_code[:2] if postal_code[:2] in DEPARTEMENTS else None


def timezone_of(region: str | None) -> str:
    return REGIONS[region][1] if region else DEFAULT_TIMEZONE


def region_calendar_path(region: str) -> str:
    """« Provence-Alpes-Côte d'Azur » → agendas/provence-alpes-cote-d-azur.ics"""
    return link("region_calendar", slug=slugify(region))


def departement_calendar_path(code: str) -> str:
    """« 2A » → agendas/departements/2a.ics"""
    return link("departement_calendar", code=code.lower())


# Publishers whose pages « Ressources officielles » lists, by their web address, in this order: the
# ministry (its DGOS), the Haute Autorité de santé, the regional health agencies, Santé publique
# France, the World Health Organization. Any other link (an establishment's, an association's, a
# third-party site's) is listed apart, as « Autres sources ».
OFFICIAL_DOMAINS = ("gouv.fr", "has-sante.fr", "ars.sante.fr", "santepubliquefrance.fr", "who.int")


def official_rank(url: str) -> int | None:
    """The place of `url`'s publisher among OFFICIAL_DOMAINS, None for another source."""
    host = (urlsplit(url).hostname or "").lower()
    return next((rank for rank, domain in enumerate(OFFICIAL_DOMAINS) if host == domain or host.endswith("." + domain)), None)
