"""Dates and times written the French way: « du lundi 20 au vendredi 24 novembre 2017 »."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from functools import cache

from babel.dates import format_date

from .vocab import DEFAULT_TIMEZONE, TIMEZONE_LABELS

LOCALE = "fr_FR"


def numeric(moment: date | datetime | time) -> str:
    """« 25/11/2026 10:00 », « 25/11/2026 », « 10:00 »: as French spreadsheets write them, and the
    importer reads them back (its reports and the content checks' messages)."""
    if isinstance(moment, datetime):
        return f"{moment:%d/%m/%Y %H:%M}"
    return f"{moment:%d/%m/%Y}" if isinstance(moment, date) else f"{moment:%H:%M}"


def _day_number(day: date) -> str:
    return "1er" if day.day == 1 else str(day.day)


# Babel's formatting is costly and a site has few distinct days: each day is formatted once.
@cache
def weekday(day: date) -> str:
    return format_date(day, "EEEE", locale=LOCALE)


@cache
def month_year(day: date) -> str:
    return format_date(day, "MMMM y", locale=LOCALE)


@cache
def month(day: date) -> str:
    return format_date(day, "MMMM", locale=LOCALE)


def day_of_year(day: date) -> str:
    """« vendredi 1er décembre », within an edition (its year goes without saying)."""
    return f"{weekday(day)} {_day_number(day)} {month(day)}"


def long_date(day: date) -> str:
    """« vendredi 1er décembre 2017 »"""
    return f"{weekday(day)} {_day_number(day)} {month_year(day)}"


def date_range(start: date, end: date | None) -> str:
    """« le lundi 20 novembre 2017 », « du lundi 20 au vendredi 24 novembre 2017 »…"""
    if end is None or end == start:
        return f"le {long_date(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"du {weekday(start)} {_day_number(start)} au {long_date(end)}"
    if start.year == end.year:
        return f"du {weekday(start)} {_day_number(start)} {month(start)} au {long_date(end)}"
    return f"du {long_date(start)} au {long_date(end)}"


def clock(moment: datetime) -> str:
    """« 14 h », « 9 h 30 », with no-break spaces: a narrow line never parts « 9 » from « h 30 »
    (pages, the listing's cards, share pictures, calendars and feeds all read it)."""
    hour = f"{moment.hour}\u00a0h"
    return hour if moment.minute == 0 else f"{hour}\u00a0{moment.minute:02d}"


def clock_text(text: str) -> str:
    """« 09:30 » → « 9 h 30 »"""
    return clock(datetime.strptime(text, "%H:%M"))


def occurrence_text(start: date | datetime, end: date | datetime | None, timezone: str = DEFAULT_TIMEZONE) -> str:
    """When an occurrence takes place, in the venue's local time."""
    if not isinstance(start, datetime):
        return date_range(start, end)
    assert end is None or isinstance(end, datetime)  # a timed start has a timed end (fields.check_range)
    if end is None:
        text = f"le {long_date(start.date())} à {clock(start)}"
    elif end.date() == start.date():
        text = f"le {long_date(start.date())}, de {clock(start)} à {clock(end)}"
    else:
        text = f"du {long_date(start.date())} à {clock(start)} au {long_date(end.date())} à {clock(end)}"
    if timezone != DEFAULT_TIMEZONE:
        text += f" ({TIMEZONE_LABELS[timezone]})"
    return text


def held(occurrences: Sequence, timezone: str = DEFAULT_TIMEZONE) -> str:
    """When an event takes place, in one phrase: its occurrence, or its first and last days
    (« du lundi 20 au vendredi 24 novembre 2017 »)."""
    first, *others = occurrences
    if not others:
        return occurrence_text(first.start, first.end, timezone)
    return date_range(first.first_day, max(occurrence.last_day for occurrence in occurrences))


def time_span(start: date | datetime, end: date | datetime | None) -> str:
    """The hours alone, for a listing grouped by day: « 14 h – 17 h », « Toute la journée »."""
    if not isinstance(start, datetime):
        return "Toute la journée" if end is None or end == start else f"Jusqu'au {long_date(end)}"
    assert end is None or isinstance(end, datetime)  # a timed start has a timed end (fields.check_range)
    if end is None:
        return clock(start)
    if end.date() != start.date():
        return f"{clock(start)} – {long_date(end.date())} à {clock(end)}"
    return f"{clock(start)} – {clock(end)}"
