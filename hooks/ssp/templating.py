"""What templates may use: French formatting filters and the labels of controlled lists."""

from __future__ import annotations

from . import frenchdates, publication, vocab
from .content import MATERIAL_KINDS
from .fields import is_link
from .text import script_json
from .pages import day_slug, ordinal

def capfirst(text: str) -> str:
    """Upper-case the first letter only (Jinja's capitalize lowers the rest: « la Réunion »)."""
    return text[:1].upper() + text[1:]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 action publiée », « 3 actions publiées » (0 and 1 take the singular in French); `singular`
    may hold several words, each taking an « s » unless `plural_form` is given."""
    words = singular if count <= 1 else plural_form or " ".join(word + "s" for word in singular.split(" "))
    return f"{count} {words}"


FILTERS = {
    "plural": plural,
    "capfirst": capfirst,
    "fr_date": frenchdates.long_date,
    "fr_range": frenchdates.date_range,
    "fr_span": frenchdates.time_span,
    "ordinal": ordinal,
    "day_slug": day_slug,
    "fr_size": frenchdates.file_size,
    "fr_clock": frenchdates.clock_text,
    "fr_euros": frenchdates.euros,
}

LABELS = {
    "types": vocab.EVENT_TYPES,
    "statuses": vocab.STATUSES,
    "audiences": vocab.AUDIENCES,
    "departements": vocab.DEPARTEMENTS,
    "timezones": vocab.TIMEZONE_LABELS,
    "material_kinds": MATERIAL_KINDS,
}


LABELS_JSON = script_json(LABELS)  # for the listing's filters, inside a <script> element


def when(event, occurrence) -> str:
    """An occurrence in the venue's local time, in French."""
    return frenchdates.occurrence_text(occurrence.start, occurrence.end, event.timezone)


FUNCTIONS = {
    "ssp_when": when,
    "ssp_labels": LABELS,
    "ssp_is_link": is_link,
    "ssp_labels_json": LABELS_JSON,
    "ssp_publication_banner": publication.banner,
}
