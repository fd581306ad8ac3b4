"""Calendars (RFC 5545) with the icalendar library: one VEVENT per occurrence.

UIDs derive from edition, slug and slot, so subscribed calendars update rather than
duplicate; DTSTAMP is the build date, never "now"; every zone used gets its VTIMEZONE.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vCategory, vDDDTypes, vText, vUri
from icalendar.parser import Contentline

from ..cache import Cache
from ..fields import link_text
from ..frenchdates import clock_text
from ..frenchnumbers import age_range
from ..models import Event, Occurrence
from ..text import plain
from ..vocab import ACCESSIBILITY, DEFAULT_TIMEZONE, EVENT_TYPES, STATUSES

PRODID = "-//Semaine de la securite des patients//Agenda//FR"
UID_DOMAIN = "semaine-securite-patients"
ICS_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "moved-online": "CONFIRMED", "full": "CONFIRMED",
              "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def uid(event: Event, occurrence: Occurrence) -> str:
    suffix = f"-{occurrence.index}" if occurrence.index else ""
    return f"{event.id}{suffix}@{UID_DOMAIN}"


def location(event: Event) -> str:
    venue = event.meta.venue
    if venue is None:
        return "En ligne"
    parts = [venue.name, venue.address, " ".join(filter(None, [venue.postal_code, venue.city]))]
    return ", ".join(part for part in parts if part)


def description(event: Event, site_url: str) -> str:
    meta = event.meta
    lines = [f"{EVENT_TYPES[meta.type]} — organisateur : {meta.organizer}"]
    if meta.status != "scheduled":
        lines.append(f"Statut : {STATUSES[meta.status]}")
    if meta.time_note:
        lines.append(f"Horaire : {meta.time_note}")
    if meta.online_url:
        lines.append(f"En ligne : {meta.online_url}")
    if meta.registration:
        lines.append(f"Inscription : {link_text(meta.registration)}")
    if meta.age:
        lines.append(f"Âge : {age_range(meta.age)}")
    if meta.accessibility:
        lines.append("Accessibilité : " + ", ".join(ACCESSIBILITY[code].lower() for code in meta.accessibility))
    # a calendar shows no links: their address is written (a text without any is the one the event keeps already)
    if text := plain(event.description_html, links=True) if "<a" in event.description_html else event.description_text:
        lines += ["", text]
    if meta.programme:
        lines += ["", "Programme :"] + [
            f"{clock_text(session.start)}{' – ' + clock_text(session.end) if session.end else ''} : {session.title}"
            + (f" ({', '.join(session.speakers)})" if session.speakers else "") for session in meta.programme]
    lines += ["", site_url + event.url]
    return "\n".join(lines)


def vevent_ical(event: Event, occurrence: Occurrence, site_url: str, stamp: datetime) -> bytes:
    """An occurrence's VEVENT: the bytes of icalendar's own Event component made of the same values (tests
    compare them), each value still encoded by icalendar's own type, the lines in the order icalendar writes
    them (its Event's canonical order, then by name); in half the time (building a component, then reading it
    back, cost 0.2 to 0.4 ms an action)."""
    start: date | datetime
    end: date | datetime | None
    if occurrence.all_day:
        start, end = occurrence.first_day, occurrence.last_day + timedelta(days=1)  # exclusive end
    else:
        start, end = occurrence.start, occurrence.end
    lines = ["BEGIN:VEVENT", "SUMMARY:" + _text(event.meta.title + (" (annulé)" if event.meta.status == "cancelled" else "")),
             _moment("DTSTART", start)]
    if end:
        lines.append(_moment("DTEND", end))
    lines += ["DTSTAMP:" + vDDDTypes(stamp).to_ical().decode(), "UID:" + _text(uid(event, occurrence)),
              "CATEGORIES:" + vCategory([EVENT_TYPES[event.meta.type]]).to_ical().decode(),
              "DESCRIPTION:" + _text(description(event, site_url)), "LOCATION:" + _text(location(event)),
              "STATUS:" + _text(ICS_STATUS[event.meta.status]), "URL:" + vUri(site_url + event.url).to_ical().decode(),
              "END:VEVENT"]
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _text(value: str) -> str:
    return vText(value).to_ical().decode()


def _moment(name: str, moment: date | datetime) -> str:
    """A date or a zoned time, with its parameters (VALUE=DATE, TZID=…), as icalendar writes it."""
    value = vDDDTypes(moment)
    return Contentline.from_parts(name, value.params, value)


class Calendars:
    """Builds many calendars from the same events: each VEVENT and VTIMEZONE is made and encoded
    by icalendar once, then reused by the event's own calendar, its edition's and its region's.
    A VTIMEZONE covers `years` (the editions' years), widened to the calendar's events if need be:
    the same few VTIMEZONEs serve every calendar. What is made for an event is kept in `cache`."""

    def __init__(self, site_url: str, today: date, years: tuple[int, int] | None = None, cache: Cache | None = None):
        self.site_url = site_url
        self.stamp = datetime.combine(today, time(), UTC)
        self.years = years
        self.cache = Cache() if cache is None else cache

    def with_cache(self, cache: Cache) -> Calendars:
        """The same calendars, keeping what they make in another cache."""
        other = copy.copy(self)
        other.cache = cache
        return other

    def vevents(self, event: Event) -> bytes:
        return self.cache.get(("vevents", event.digest, self.site_url, self.stamp), lambda: b"".join(
            vevent_ical(event, occurrence, self.site_url, self.stamp) for occurrence in event.occurrences))

    def event_calendar(self, event: Event) -> bytes:
        """The event's own calendar (its page's « Télécharger » link)."""
        return self.cache.get(("calendar", event.digest, self.site_url, self.stamp, self.years),
                              lambda: self.calendar(event.meta.title, [event]))

    def calendar(self, name: str, events: list[Event], zone: str = DEFAULT_TIMEZONE) -> bytes:
        """A calendar of `events` (all their occurrences), with a VTIMEZONE for each zone they use;
        one with no timed event still carries `zone`'s (RFC 5545 wants at least one component)."""
        zones = sorted({event.timezone for event in events if any(not o.all_day for o in event.occurrences)}) or [zone]
        first, last = years_of(events)
        if self.years:
            first, last = min(first, self.years[0]), max(last, self.years[1])
        body = b"".join(_vtimezone(zone, first, last) for zone in zones)
        body += b"".join(self.vevents(event) for event in events)
        before, after = _envelope()
        name_line = fold("X-WR-CALNAME:" + vText(name).to_ical().decode())
        return before + name_line + b"\r\n" + after + body + b"END:VCALENDAR\r\n"


def years_of(events: list[Event]) -> tuple[int, int]:
    years = [day.year for event in events for o in event.occurrences for day in (o.first_day, o.last_day)] or [2011]
    return min(years), max(years)


@cache
def _envelope() -> tuple[bytes, bytes]:
    """A calendar's own lines before and after its name (made once: only the name changes)."""
    envelope = Calendar()
    for key, value in [("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("x-wr-calname", "NAME"), ("x-wr-timezone", "Europe/Paris")]:
        envelope.add(key, value)
    before, after = to_ical(envelope).split(b"X-WR-CALNAME:NAME\r\n")
    return before, after.removesuffix(b"END:VCALENDAR\r\n")


@cache
def _vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    return to_ical(Timezone.from_tzinfo(ZoneInfo(zone), zone, date(first_year, 1, 1), date(last_year, 12, 31)))


def to_ical(component) -> bytes:
    """component.to_ical(), with the same folding done by slices of bytes: icalendar folds
    character by character, which was most of the cost of a large site's calendars."""
    return b"".join(fold(line) + b"\r\n" for line in component.content_lines() if line)


def fold(line: str, limit: int = 75) -> bytes:
    """RFC 5545 folding exactly as icalendar does it (tests compare both): lines under `limit`
    octets, never cut inside a UTF-8 character nor just after a backslash or caret."""
    data = line.encode()
    chunks, start = [], 0
    while len(data) - start >= limit:
        end = start + limit - 1
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        if data[end - 1] in b"\\^" and end - start > 1:  # keep an escape with what it escapes
            end -= 1
        chunks.append(data[start:end])
        start = end
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)



def add_links(event: Event, occurrence: Occurrence, site_url: str) -> dict[str, str]:
    """« Ajouter à Google Agenda / Outlook » links: plain links, no request until the reader clicks."""
    details = f"{EVENT_TYPES[event.meta.type]} — {event.meta.organizer}\n{site_url + event.url}"
    if occurrence.all_day:
        end = occurrence.last_day + timedelta(days=1)
        google_dates = f"{occurrence.first_day:%Y%m%d}/{end:%Y%m%d}"
        outlook = {"startdt": occurrence.first_day.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    else:
        end = occurrence.end or occurrence.start
        google_dates = f"{occurrence.start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"
        outlook = {"startdt": occurrence.start.isoformat(), "enddt": end.isoformat(), "allday": "false"}
    place = location(event)
    google = {"action": "TEMPLATE", "text": event.meta.title, "dates": google_dates, "details": details,
              "location": place, "ctz": event.timezone}
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.meta.title, **outlook,
               "body": details, "location": place}
    quoted: dict[str, str] = {}  # the title, details and place are in both: each encoded once (urlencode, pure Python, twice)
    return {"google": "https://calendar.google.com/calendar/render?" + _query(google, quoted),
            "outlook": "https://outlook.live.com/calendar/0/action/compose?" + _query(outlook, quoted)}


def _query(fields: dict[str, str], quoted: dict[str, str]) -> str:
    """urlencode(fields) (names that need no encoding), each value encoded once and kept in `quoted`."""
    for value in fields.values():
        if value not in quoted:
            quoted[value] = quote_plus(value)
    return "&".join(f"{name}={quoted[value]}" for name, value in fields.items())
