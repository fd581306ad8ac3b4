"""Values as people type them in a spreadsheet or a form, turned into the contract's values.

« 24/11/2026 », « 24 novembre 2026 », « 14h », « 14 h 30 », « Portes ouvertes », « Annulé »,
« Hauts de France »: each parser returns the value the content files use (`2026-11-24`,
`14:30`, `portes-ouvertes`, `cancelled`) or raises InputError with a French message saying
what is expected.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time

from .text import fold, slugify
from .vocab import ACCESSIBILITY, AUDIENCES, EVENT_TYPES, REGIONS, STATUSES, closest_region, region_named

MONTHS = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
          "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12}
WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
WORDED_DATE = re.compile(rf"(?:{WEEKDAYS}\s+)?(\d{{1,2}})(?:er)?\s+([a-z]+)\.?\s+(\d{{4}})")
CLOCK = re.compile(r"(\d{1,2})\s*(?:[:h]\s*(\d{2})?(?::\d{2})?)?")
DATE_TIME_GLUE = re.compile(r"\s*(?:T|\s+[aà]\s+|\s+-\s+|,\s*|\s+)\s*")
EXPECTED_DATE = "écrivez la date comme 24/11/2026, 2026-11-24 ou 24 novembre 2026"
EXPECTED_TIME = "écrivez l'heure comme 14:00, 14h ou 14h30"


class InputError(ValueError):
    """A value that cannot be understood; the message is French and says what to write."""


def _plain(text: str) -> str:
    """Lower case without accents, spaces kept: « 24 Novembre 2026 » → « 24 novembre 2026 »."""
    return " ".join(slugify(part) for part in text.split())


def parse_day(text: str) -> date:
    """« 24/11/2026 », « 24/11/26 », « 2026-11-24 », « mardi 24 novembre 2026 »."""
    if match := ISO_DATE.fullmatch(text.strip()):
        year, month, day = map(int, match.groups())
    elif match := NUMERIC_DATE.fullmatch(text.strip()):
        day, month, year = map(int, match.groups())
        year += 2000 if year < 100 else 0
    elif match := WORDED_DATE.fullmatch(_plain(text)):
        if match.group(2) not in MONTHS:
            raise InputError(f"« {text} » : mois inconnu ; {EXPECTED_DATE}")
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
    else:
        raise InputError(f"« {text} » n'est pas une date ; {EXPECTED_DATE}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"la date « {text} » n'existe pas ; {EXPECTED_DATE}") from None


def parse_clock(text: str) -> time:
    """« 14:00 », « 14h », « 14h00 », « 14 h 30 », « 9H30 », « 14:00:00 »."""
    match = CLOCK.fullmatch(text.strip().lower())
    if not match or not re.search(r"[:h]", text.lower()):
        raise InputError(f"« {text} » n'est pas une heure ; {EXPECTED_TIME}")
    try:
        return time(int(match.group(1)), int(match.group(2) or 0))
    except ValueError:
        raise InputError(f"l'heure « {text} » n'existe pas (de 00:00 à 23:59)") from None


def parse_moment(text: str) -> date | datetime:
    """A date, or a date and a time in one cell: « 24/11/2026 14h00 », « 2026-11-24T14:00 »."""
    text = text.strip()
    try:
        return parse_day(text)
    except InputError as error:
        problem = error
    for match in DATE_TIME_GLUE.finditer(text):
        day_text, clock_text = text[:match.start()], text[match.end():]
        if day_text and re.match(r"\d{1,2}\s*[:hH]", clock_text):
            try:
                return datetime.combine(parse_day(day_text), parse_clock(clock_text))
            except InputError as error:
                problem = error
    raise problem


def parse_end(text: str) -> date | datetime | time:
    """An end: a date, a date and a time, or a time alone (on the start's day), « 16h30 »; a wrong one gets the
    date's message."""
    try:
        return parse_moment(text)
    except InputError as error:
        try:
            return parse_clock(text)
        except InputError:
            raise error from None


def iso(moment: date | datetime | time) -> str:
    """The content files' form: 2026-11-24, 2026-11-24T14:00, 14:00."""
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%dT%H:%M")
    if isinstance(moment, time):
        return moment.strftime("%H:%M")
    return moment.isoformat()


def _choices(codes: dict[str, str], synonyms: dict[str, str]) -> dict[str, str]:
    """Folded code, label and synonyms → code; plurals forgiven."""
    table = {**{fold(code): code for code in codes}, **{fold(label): code for code, label in codes.items()}}
    table.update({fold(word): code for word, code in synonyms.items()})
    return table | {key.rstrip("s"): code for key, code in table.items()}


TYPE_CHOICES = _choices(EVENT_TYPES, {"Stand": "stand", "Autre": "autre", "Journée portes ouvertes": "portes-ouvertes",
                                      "Table ronde": "conference", "Chambre des erreurs": "chambre-des-erreurs"})
STATUS_CHOICES = _choices(STATUSES, {"Annulé": "cancelled", "Reporté": "postponed", "Complète": "full",
                                     "Reprogrammé": "rescheduled", "Déplacé en ligne": "moved-online",
                                     "Programmé": "scheduled", "Maintenu": "scheduled", "Maintenue": "scheduled",
                                     "Confirmé": "scheduled", "Confirmée": "scheduled", "Prévu": "scheduled",
                                     "Prévue": "scheduled"})
AUDIENCE_CHOICES = _choices(AUDIENCES, {"Proches": "proches", "Aidants": "proches", "Familles": "proches",
                                        "Usagers": "usagers", "Représentants des usagers": "usagers",
                                        "RU": "usagers", "Professionnels": "professionnels",
                                        "Soignants": "professionnels", "Public": "grand-public",
                                        "Tout public": "grand-public"})


ACCESSIBILITY_CHOICES = _choices(ACCESSIBILITY, {
    "Fauteuil roulant": "moteur", "Handicap moteur": "moteur", "Mobilité réduite": "moteur", "PMR": "moteur", "mi": "moteur",
    "Handicap auditif": "auditif", "Sourds": "auditif", "Malentendants": "auditif", "LSF": "auditif", "hi": "auditif",
    "Handicap visuel": "visuel", "Aveugles": "visuel", "Malvoyants": "visuel", "vi": "visuel",
    "Handicap psychique": "psychique", "pi": "psychique",
    "Handicap intellectuel": "intellectuel", "Handicap mental": "intellectuel", "ii": "intellectuel"})


def choose(text: str, choices: dict[str, str], labels: dict[str, str], what: str) -> str:
    """The code of a controlled value typed by its code, its label or a common synonym."""
    if code := _looked_up(text, choices):
        return code
    close = difflib.get_close_matches(fold(text), list(choices), n=1, cutoff=0.75)
    hint = f" ; vouliez-vous dire « {labels[choices[close[0]]]} » ?" if close else ""
    raise InputError(f"{what} « {text} » inconnu{hint} (valeurs permises : {', '.join(labels.values())})")


def code_named(text: str, codes: list[str]) -> str | None:
    """The code among `codes` (one vocabulary's) that a label or a synonym names, as a spreadsheet says it:
    « Annulé » → cancelled, « Portes ouvertes » → portes-ouvertes; None if none."""
    table = next((choices for choices in (TYPE_CHOICES, STATUS_CHOICES, AUDIENCE_CHOICES, ACCESSIBILITY_CHOICES)
                  if set(choices.values()) == set(codes)), None)
    return _looked_up(text, table) if table else None


def _looked_up(text: str, choices: dict[str, str]) -> str | None:
    folded = fold(text)
    return choices.get(folded) or choices.get(folded.rstrip("s"))


def parse_type(text: str) -> str:
    return choose(text, TYPE_CHOICES, EVENT_TYPES, "type")


def parse_status(text: str) -> str:
    return choose(text, STATUS_CHOICES, STATUSES, "statut")


def parse_audiences(text: str) -> list[str]:
    """« Grand public, Patients », « Patients / Proches ; Étudiants »."""
    return [choose(part, AUDIENCE_CHOICES, AUDIENCES, "public") for part in re.split(r"[,;/\n]", text) if part.strip()]


def parse_accessibility(text: str) -> list[str]:
    """« Accessible en fauteuil roulant, Adapté au handicap auditif », « moteur ; auditif », « PMR »."""
    codes = [choose(part, ACCESSIBILITY_CHOICES, ACCESSIBILITY, "aménagement") for part in re.split(r"[,;/\n]", text)
             if part.strip()]
    return list(dict.fromkeys(codes))  # « PMR, fauteuil roulant » says it once


AGE_RE = {
    "range": re.compile(r"(?:de\s+)?(\d{1,3})\s*(?:ans?)?\s*(?:-|à|a)\s*(\d{1,3})\s*(?:ans?)?"),
    "from": re.compile(r"(?:à partir de|a partir de|dès|des|plus de|\+)\s*(\d{1,3})\s*(?:ans?)?(?:\s+et\s+plus)?"
                       r"|(\d{1,3})\s*(?:ans?)?\s*(?:et\s+plus|\+)"),
    "to": re.compile(r"(?:jusqu'à|jusqu’à|jusqu'a|moins de|-)\s*(\d{1,3})\s*(?:ans?)?"),
}


def parse_age(text: str) -> dict[str, int]:
    """« 6-12 », « de 6 à 12 ans », « à partir de 60 ans », « 60 ans et plus », « jusqu'à 6 ans »."""
    said = " ".join(text.lower().split())
    if match := AGE_RE["range"].fullmatch(said):
        return {"min": int(match.group(1)), "max": int(match.group(2))}
    if match := AGE_RE["from"].fullmatch(said):
        return {"min": int(match.group(1) or match.group(2))}
    if match := AGE_RE["to"].fullmatch(said):
        return {"max": int(match.group(1))}
    raise InputError(f"âge « {text} » non compris : écrivez par exemple « 6-12 », « à partir de 60 ans » ou « jusqu'à 6 ans »")


def parse_region(text: str) -> str:
    name = region_named(text)
    if name is None:
        hint = f" ; vouliez-vous dire « {close} » ?" if (close := closest_region(text)) else ""
        raise InputError(f"région « {text} » inconnue{hint} (régions permises : {', '.join(REGIONS)})")
    return name


def parse_postal_code(text: str) -> str:
    """« 59187 », « 59 187 », « 1000 » (a spreadsheet dropped the leading zero of 01000)."""
    digits = re.sub(r"\s", "", text)
    if digits.isdigit() and len(digits) == 4:
        digits = "0" + digits
    if not re.fullmatch(r"\d{5}", digits):
        raise InputError(f"« {text} » n'est pas un code postal (5 chiffres, par exemple 59187)")
    return digits
