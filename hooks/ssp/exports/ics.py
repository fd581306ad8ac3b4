"""Calendars (RFC 5545) with the icalendar library: one VEVENT per occurrence.

UIDs derive from edition, slug and slot, so subscribed calendars update rather than
duplicate; DTSTAMP is the build date, never "now"; every zone used gets its VTIMEZONE.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlencode

from icalendar import Calendar
from icalendar import Event as VEvent

from ..frenchdates import clock_text
from ..models import Event, Occurrence
from ..text import plain
from ..vocab import EVENT_TYPES, STATUSES

PRODID = "-//Semaine de la securite des patients//Agenda//FR"
UID_DOMAIN = "semaine-securite-patients"
ICS_STATUS = {"scheduled": "CONFIRMED", "full": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


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
    lines = [f"{EVENT_TYPES[meta.type]} — organisé par {meta.organizer}"]
    if meta.status != "scheduled":
        lines.append(f"Statut : {STATUSES[meta.status]}")
    if meta.time_note:
        lines.append(f"Horaire : {meta.time_note}")
    if meta.online_url:
        lines.append(f"En ligne : {meta.online_url}")
    if meta.registration:
        lines.append(f"Inscription : {meta.registration}")
    if text := plain(event.description_html):
        lines += ["", text]
    if meta.programme:
        lines += ["", "Programme :"] + [
            f"{clock_text(session.start)}{' – ' + clock_text(session.end) if session.end else ''} : {session.title}"
            + (f" ({', '.join(session.speakers)})" if session.speakers else "") for session in meta.programme]
    lines += ["", site_url + event.url]
    return "\n".join(lines)


def vevent(event: Event, occurrence: Occurrence, site_url: str, stamp: datetime) -> VEvent:
    component = VEvent()
    component.add("uid", uid(event, occurrence))
    component.add("dtstamp", stamp)
    component.add("summary", event.meta.title + (" (annulé)" if event.meta.status == "cancelled" else ""))
    if occurrence.all_day:
        component.add("dtstart", occurrence.first_day)
        component.add("dtend", occurrence.last_day + timedelta(days=1))  # exclusive end
    else:
        component.add("dtstart", occurrence.start)
        if occurrence.end:
            component.add("dtend", occurrence.end)
    component.add("status", ICS_STATUS[event.meta.status])
    component.add("location", location(event))
    component.add("description", description(event, site_url))
    component.add("categories", [EVENT_TYPES[event.meta.type]])
    component.add("url", site_url + event.url)
    return component


def calendar(name: str, events: list[Event], site_url: str, today: date) -> bytes:
    """A calendar of `events` (all their occurrences), deterministic for a given build date."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    stamp = datetime.combine(today, time(), timezone.utc)
    days = []
    for event in events:
        for occurrence in event.occurrences:
            cal.add_component(vevent(event, occurrence, site_url, stamp))
            days += [occurrence.first_day, occurrence.last_day]
    if days:
        cal.add_missing_timezones(first_date=date(min(days).year - 1, 1, 1), last_date=date(max(days).year + 1, 12, 31))
    return cal.to_ical()


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
    google = {"action": "TEMPLATE", "text": event.meta.title, "dates": google_dates, "details": details,
              "location": location(event), "ctz": event.timezone}
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.meta.title, **outlook,
               "body": details, "location": location(event)}
    return {"google": "https://calendar.google.com/calendar/render?" + urlencode(google),
            "outlook": "https://outlook.live.com/calendar/0/action/compose?" + urlencode(outlook)}
