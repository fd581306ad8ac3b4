"""Field types of the content contract: parse what editors write, in French.

Each parser receives the text exactly as written in YAML (see source.py) and
either returns a Python value or raises an error whose message says what is
expected.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import frenchinput, markup
from .frenchdates import numeric
from .frenchnumbers import plural
from .vocab import AUDIENCES, REGIONS

DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WHEN_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2}))?")
TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")
EXPECTED_WHEN = "attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM"


def fail(message: str, field: str = "") -> PydanticCustomError:
    """An error with a French message; `field` re-targets a model-level check."""
    return PydanticCustomError("ssp", "{message}", {"message": message, "field": field})


YEARS = range(2000, 2101)  # the campaign started in 2011; bounds keep time-zone arithmetic safe


def single(value: Any) -> str:
    """The text of a single value; lists and sub-fields are refused with a clear message."""
    if isinstance(value, (list, dict)):
        raise fail("une seule valeur est attendue ici, pas une liste ni des sous-champs")
    return str(value).strip() if value is not None else ""


def parse_date(value: Any, expected: str = "attendu AAAA-MM-JJ") -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = single(value)
    match = DATE_RE.fullmatch(text)
    if not match:
        raise fail(f"« {text} » n'est pas une date ({expected}, par exemple 2017-11-24)" + _written_as(text, frenchinput.parse_day))
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        raise fail(f"la date « {text} » n'existe pas ({expected})") from None
    if day.year not in YEARS:
        raise fail(f"« {text} » : l'année doit être entre {YEARS.start} et {YEARS.stop - 1}")
    return day


def parse_when(value: Any) -> date | datetime | time:
    """A date (all-day), a local date-time, or a bare time (for an end on the start's day)."""
    if isinstance(value, (date, time)):
        return value
    text = single(value)
    if match := TIME_RE.fullmatch(text):
        return _time(match.group(1), match.group(2), text)
    match = WHEN_RE.fullmatch(text)
    if not match:
        raise fail(f"« {text} » n'est ni une date ni une date et heure ({EXPECTED_WHEN}, par exemple 2017-11-24T14:00)"
                   + _written_as(text, frenchinput.parse_end))
    day = parse_date(match.group(1), EXPECTED_WHEN)
    if match.group(2) is None:
        return day
    return datetime.combine(day, _time(match.group(2), match.group(3), text))


def _written_as(text: str, parse) -> str:
    """« ; écrivez « 2025-09-16T09:30 » » for a date or time written as people do (« 16/09/2025 9h30 »,
    frenchinput), else nothing."""
    try:
        return f" ; écrivez « {frenchinput.iso(parse(text))} »"
    except frenchinput.InputError:
        return ""


def _time(hours: str, minutes: str, text: str) -> time:
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        raise fail(f"l'heure de « {text} » n'existe pas (attendu HH:MM, de 00:00 à 23:59)") from None


def parse_region(value: Any) -> str:
    try:
        return frenchinput.parse_region(single(value))  # one wording with `ssp nouvel-evenement` and the sheets
    except frenchinput.InputError as error:
        raise fail(str(error)) from None


def parse_postal_code(value: Any) -> str:
    text = single(value)
    if not re.fullmatch(r"\d{5}", text):
        raise fail(f"« {text} » n'est pas un code postal (5 chiffres, par exemple 34000)")
    return text


def parse_carried_over(value: Any) -> str:
    text = single(value)
    if not re.fullmatch(r"\d{4}/[a-z0-9][a-z0-9-]*", text):
        raise fail(f"« {text} » ne désigne pas une action : écrivez l'année et le nom de son fichier sans .md, "
                   "par exemple 2025/portes-ouvertes-maternite-douai")
    return text


def parse_url(value: Any, schemes: tuple[str, ...] = ("http", "https")) -> str:
    text = single(value)
    parts = urlsplit(text) if text and not re.search(r"\s", text) else None
    scheme = parts.scheme.lower() if parts else ""
    if parts and scheme in schemes and (parts.netloc if scheme in ("http", "https") else parts.path):
        return text
    allowed = " ou ".join(f"{scheme}:" if scheme in ("mailto", "tel") else f"{scheme}://" for scheme in schemes)
    fix = f" ; écrivez « https://{text} »" if WEB_ADDRESS.fullmatch(text) else ""
    raise fail(f"adresse « {text} » refusée : seules les adresses commençant par {allowed} sont acceptées{fix}")


WEB_ADDRESS = re.compile(r"www\.[^\s/]+\.[A-Za-z]{2,}(?:/\S*)?", re.IGNORECASE)  # « www.chu-lille.fr/… », as people write it


EMAIL = re.compile(r"[^@\s<>\":/]+@[^@\s<>\":/]+\.[A-Za-z]{2,}")  # an address alone, not a link
FRENCH_PHONE = re.compile(r"(?:\+33\s?(?:\(0\)\s?)?|0)([1-9](?:[\s.-]?\d{2}){4})")


def parse_registration(value: Any) -> str:
    """A link (http(s), mailto:, tel:), an e-mail address, a French phone number or a « www. » address
    (made links: « inscription@chu.fr » → mailto:, « 03 20 44 59 62 » → tel:+33320445962,
    « www.chu.fr/inscription » → https://www.chu.fr/inscription), or a plain text such as « Entrée libre »."""
    text = single(value)
    if EMAIL.fullmatch(text):
        return "mailto:" + text
    if phone := FRENCH_PHONE.fullmatch(text):
        return "tel:+33" + re.sub(r"\D", "", phone.group(1))
    if WEB_ADDRESS.fullmatch(text):
        return parse_url("https://" + text)
    if re.match(r"https?://", text, re.IGNORECASE) and re.search(r"\s", text):
        raise fail(f"« {text} » commence par une adresse mais contient une espace : écrivez seulement l'adresse "
                   "(une espace dans une adresse s'écrit %20), ou un texte sans adresse")
    if not re.search(r"\s", text) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text):
        return parse_url(text, ("http", "https", "mailto", "tel"))
    return text


def as_list(value: Any) -> Any:
    """A single value where a list is expected becomes a list of one."""
    return [value] if isinstance(value, str) else value


def as_codes(value: Any) -> Any:
    """A list of codes (publics, aménagements) also as one value, the codes between commas: « patients, proches »."""
    if not isinstance(value, str):
        return value
    return [part.strip() for part in value.split(",") if part.strip()] or [value]


def is_link(text: str) -> bool:
    return bool(re.fullmatch(r"(https?|mailto|tel):\S+", text, re.IGNORECASE))


def link_text(link: str) -> str:
    """What a reader reads of a link: the address without « mailto: », a French number as written
    in France (« tel:+33320445962 » → « 03 20 44 59 62 »)."""
    if french := re.fullmatch(r"tel:\+33(\d{9})", link):
        digits = "0" + french.group(1)
        return " ".join(digits[index:index + 2] for index in range(0, 10, 2))
    return re.sub(r"^(mailto|tel):", "", link, flags=re.IGNORECASE)


_STRING = {"type": "string"}
def visible(text: str) -> str:
    """A text must show something: not only spaces, zero-width or other invisible characters."""
    if not any(unicodedata.category(character)[0] not in "ZC" for character in text):
        raise fail("ce texte ne contient aucun caractère visible")
    return text


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(visible)]


SAID_PROBLEMS = 3  # of a Markdown field's problems, those its one message says


def markdown_text(text: str) -> str:
    """A text written in Markdown: what markup.problems refuses, refused here with the field's line (its first
    SAID_PROBLEMS problems in one message: the field is one problem of its file)."""
    if refused := markup.problems(text):
        said = [error.in_text() for error in refused[:SAID_PROBLEMS]]
        if len(refused) > SAID_PROBLEMS:
            said.append(f"et {plural(len(refused) - SAID_PROBLEMS, 'autre problème')} dans ce texte")
        raise fail(" ; autre problème du texte : ".join(said))
    return text


Markdown = Annotated[Text, AfterValidator(markdown_text)]
LocalDate = Annotated[date, BeforeValidator(parse_date), WithJsonSchema({**_STRING, "format": "date"})]
When = Annotated[
    datetime | date | time,
    BeforeValidator(parse_when),
    WithJsonSchema({**_STRING, "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2})?$|^\d{1,2}:\d{2}$"}),
]
WebUrl = Annotated[str, BeforeValidator(parse_url), WithJsonSchema({**_STRING, "pattern": "^https?://"})]
Region = Annotated[str, BeforeValidator(parse_region), WithJsonSchema({**_STRING, "enum": list(REGIONS)})]
PostalCode = Annotated[str, BeforeValidator(parse_postal_code), WithJsonSchema({**_STRING, "pattern": r"^\d{5}$"})]
Registration = Annotated[Text, BeforeValidator(parse_registration)]
CarriedOver = Annotated[str, BeforeValidator(parse_carried_over), WithJsonSchema({**_STRING, "pattern": r"^\d{4}/[a-z0-9][a-z0-9-]*$"})]

if TYPE_CHECKING:  # the values allowed are checked by pydantic, from vocab.AUDIENCES
    Audience = str
else:
    Audience = Literal.__getitem__(tuple(AUDIENCES))


class Contract(BaseModel):
    """Base of every content model: unknown keys are mistakes; parsed content never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def parse_clock(value: Any) -> str:
    """« 9:30 » → « 09:30 »: a time of day, checked."""
    text = single(value)
    match = TIME_RE.fullmatch(text)
    if not match:
        raise fail(f"« {text} » n'est pas une heure (attendu HH:MM, par exemple 09:30)")
    return _time(match.group(1), match.group(2), text).strftime("%H:%M")


ClockTime = Annotated[str, BeforeValidator(parse_clock), WithJsonSchema({**_STRING, "pattern": r"^\d{1,2}:\d{2}$"})]


class Publishable(Contract):
    """Content that can wait: a draft is shown only in the preview; publish_from delays publication."""

    draft: bool = Field(False, description="true : brouillon, visible seulement dans la prévisualisation")
    publish_from: LocalDate | None = Field(None, description="Publier à partir de cette date (AAAA-MM-JJ)")

    def published(self, today: date) -> bool:
        return not self.draft and (self.publish_from is None or self.publish_from <= today)


ENCLOSING_QUOTES = (("«", "»", True), ('"', '"', False), ("“", "”", False))  # and whether the spaces inside go


def unquoted(value):
    """« Des soins sûrs » → Des soins sûrs: the templates put a theme between guillemets once. Read with
    str methods, before the theme's length is checked: a regular expression here took 60 s on « and
    5,000 spaces (backtracking between its two runs of spaces), and a theme may be as long as its file."""
    if isinstance(value, str):
        text = value.strip()
        inner = text[1:-1]
        for opening, closing, spaced in ENCLOSING_QUOTES:
            if len(text) >= 2 and text[0] == opening and text[-1] == closing and opening not in inner and closing not in inner:
                return inner.strip() if spaced else inner
    return value


MAX_THEME = 250  # characters: the national themes since 2011 hold in one sentence of 40 to 160


def short_theme(theme: str) -> str:
    if len(theme) > MAX_THEME:
        raise fail(f"thème trop long ({len(theme)} caractères) : {MAX_THEME} au plus ; le thème national tient en une phrase")
    return theme


Theme = Annotated[Text, BeforeValidator(unquoted), AfterValidator(short_theme)]  # an edition's, as edition.yml says it


def check_range(start: date | datetime | time, end: date | datetime | time | None) -> date | datetime | None:
    """Validate an occurrence's end against its start; a bare end time means the same day."""
    if isinstance(start, time):
        raise fail("une heure seule ne suffit pas : indiquez la date et l'heure (AAAA-MM-JJTHH:MM)", "start")
    if end is None:
        return None
    if isinstance(end, time):
        if not isinstance(start, datetime):
            raise fail("une heure de fin demande une heure de début (AAAA-MM-JJTHH:MM)", "end")
        end = datetime.combine(start.date(), end)
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise fail("début et fin doivent être tous deux des dates, ou tous deux des dates et heures", "end")
    if end < start or (isinstance(end, datetime) and end == start):
        raise fail(f"la fin ({numeric(end)}) doit être après le début ({numeric(start)})", "end")
    return end
