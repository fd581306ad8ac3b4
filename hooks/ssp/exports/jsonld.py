"""schema.org Event data for search engines (Google's event rich results), one object per occurrence."""

from __future__ import annotations

import re
from typing import Any

from ..models import Event, Occurrence
from ..text import script_json, summary
from ..urls import link

STATUS = {"scheduled": "EventScheduled", "rescheduled": "EventRescheduled", "moved-online": "EventMovedOnline",
          "full": "EventScheduled", "postponed": "EventPostponed", "cancelled": "EventCancelled"}
ATTENDANCE_MODE = {"sur-place": "OfflineEventAttendanceMode", "en-ligne": "OnlineEventAttendanceMode",
                   "mixte": "MixedEventAttendanceMode"}


def place(event: Event) -> list[dict[str, Any]]:
    locations: list[dict[str, Any]] = []
    if (venue := event.meta.venue) and event.attendance != "en-ligne":
        address = {"@type": "PostalAddress", "streetAddress": venue.address, "postalCode": venue.postal_code,
                   "addressLocality": venue.city, "addressRegion": event.meta.region, "addressCountry": "FR"}
        locations.append({"@type": "Place", "name": venue.name or venue.city,
                          "address": {key: value for key, value in address.items() if value}})
    if event.meta.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.meta.online_url})
    return locations


FREE = re.compile(r"\b(?:entr[ée]e\s+libre|gratuit\w*|libre\s+acc[èe]s|sans\s+inscription)\b", re.IGNORECASE)


def organizer(event: Event, site_url: str) -> dict[str, Any]:
    data = {"@type": "Organization", "name": event.meta.organizer}
    if event.meta.organizer_contact:  # its contact card is a page of the site
        data["url"] = site_url + link("contact", slug=event.meta.organizer_contact)
    return data


def offers(event: Event, site_url: str) -> dict[str, Any] | None:
    """A free action, as the page says it (« Entrée libre », « gratuit »…): price 0 €, as Google's event
    guidelines ask. Nothing is said of an action whose price is not written."""
    registration = event.meta.registration or ""
    if not FREE.search(registration):
        return None
    return {"@type": "Offer", "price": 0, "priceCurrency": "EUR", "url": site_url + event.url,
            "availability": "https://schema.org/" + ("SoldOut" if event.meta.status == "full" else "InStock")}


def typical_age_range(age) -> str:
    """schema.org's typicalAgeRange: « 6-12 », « 60- » (from 60), « 0-6 »."""
    return f"{age.min or 0}-{'' if age.max is None else age.max}"


def occurrence_data(event: Event, occurrence: Occurrence, site_url: str) -> dict[str, Any]:
    locations = place(event)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.meta.title,
        "startDate": occurrence.start.isoformat(),
        "endDate": (occurrence.end or occurrence.start).isoformat() if occurrence.all_day or occurrence.end else None,
        "eventStatus": f"https://schema.org/{STATUS[event.meta.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODE[event.attendance]}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organizer(event, site_url),
        "offers": offers(event, site_url),
        "isAccessibleForFree": True if FREE.search(event.meta.registration or "") else None,  # as the page says it
        "typicalAgeRange": typical_age_range(event.meta.age) if event.meta.age else None,
        "description": summary(event.description_text) or event.meta.title,  # a summary: pages stay small
        "url": site_url + event.url,
        "image": [site_url + link("share_image", year=event.year)] if site_url else None,  # the edition's picture
        "inLanguage": "fr",
    }
    return {key: value for key, value in data.items() if value is not None}


def event_jsonld(event: Event, site_url: str) -> str:
    """JSON ready to sit inside <script type="application/ld+json">: "<", ">" and "&" are escaped,
    so no text can close the script element."""
    items = [occurrence_data(event, occurrence, site_url) for occurrence in event.occurrences]
    return script_json(items[0] if len(items) == 1 else items)
