"""Atom feed of the editions' events, newest first (RFC 4287), deterministic."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from ..frenchdates import occurrence_text
from ..models import Edition, Event
from ..urls import link
from ..vocab import EVENT_TYPES, STATUSES

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = link("feed")
MAX_ENTRIES = 500  # a feed is for what is new; the open data files hold everything


def _stable_id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'semaine-securite-patients:' + name)}"


def _moment(event: Event) -> datetime:
    start = event.occurrences[0].start
    return start if isinstance(start, datetime) else datetime.combine(start, time(), ZoneInfo(event.timezone))


def _summary(event: Event) -> str:
    occurrence = event.occurrences[0]
    when = occurrence_text(occurrence.start, occurrence.end, event.timezone)
    place = event.meta.venue.city if event.meta.venue else "en ligne"
    status = f" — {STATUSES[event.meta.status]}" if event.meta.status != "scheduled" else ""
    return f"{EVENT_TYPES[event.meta.type]}, {when}, {place}, organisateur : {event.meta.organizer}{status}."


def atom_feed(editions: list[Edition], site_url: str, title: str, changed) -> tuple[str, bytes]:
    """`changed(event)`: when the event's file last changed (an entry's `updated`; the feed's is the latest)."""
    events = sorted((event for edition in editions for event in edition.events), key=_moment, reverse=True)[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "fr"})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _stable_id("feed")
    latest = max((changed(event) for event in events), default=datetime(2011, 1, 1, tzinfo=ZoneInfo("UTC")))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = latest.isoformat()
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": site_url + FEED_PATH})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url})
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = title
    for event in events:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = event.meta.title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _stable_id(event.id)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = changed(event).isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": site_url + event.url})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": event.meta.type, "label": EVENT_TYPES[event.meta.type]})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _summary(event)
    return FEED_PATH, ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
