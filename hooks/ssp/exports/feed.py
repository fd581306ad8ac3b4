"""Atom feed of the editions' events, newest first (RFC 4287), deterministic."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, time
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from ..frenchdates import occurrence_text
from ..models import Event
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


class Feeds:
    """Builds many feeds from the same events (the site's, each edition's, each region's…): each entry is
    made and encoded once. `changed(event)`: when the event's file last changed (an entry's `updated`)."""

    def __init__(self, site_url: str, changed: Callable[[Event], datetime]):
        self.site_url, self.changed = site_url, changed
        self.entries: dict[str, bytes] = {}
        ET.register_namespace("", ATOM)

    def entry(self, event: Event) -> bytes:
        if event.id not in self.entries:
            entry = ET.Element(f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}title").text = event.meta.title
            ET.SubElement(entry, f"{{{ATOM}}}id").text = _stable_id(event.id)
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = self.changed(event).isoformat()
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": self.site_url + event.url})
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": event.meta.type, "label": EVENT_TYPES[event.meta.type]})
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = _summary(event)
            self.entries[event.id] = ET.tostring(entry, encoding="unicode").encode()
        return self.entries[event.id]

    def feed(self, path: str, title: str, events: Iterable[Event], page: str = "") -> bytes:
        """The feed published at `path`, of `events` (newest first, MAX_ENTRIES at most), whose page is `page`."""
        chosen = sorted(events, key=_moment, reverse=True)[:MAX_ENTRIES]
        feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "fr"})
        ET.SubElement(feed, f"{{{ATOM}}}title").text = title
        ET.SubElement(feed, f"{{{ATOM}}}id").text = _stable_id("feed" if path == FEED_PATH else path)
        latest = max((self.changed(event) for event in chosen), default=datetime(2011, 1, 1, tzinfo=ZoneInfo("UTC")))
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = latest.isoformat()
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self.site_url + path})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": self.site_url + page})
        ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Semaine de la sécurité des patients"
        head = ET.tostring(feed, encoding="unicode").removesuffix("</feed>")
        return (b"<?xml version='1.0' encoding='utf-8'?>\n" + head.encode()
                + b"".join(self.entry(event) for event in chosen) + b"</feed>\n")
