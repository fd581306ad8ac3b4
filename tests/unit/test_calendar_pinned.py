"""The calendar and « Ajouter à mon agenda » outputs pinned line by line for one known action:
any change to the envelope, a property, the folding or a link parameter shows here."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

from helpers import front_matter
from ssp.exports.ics import Calendars, add_links

SITE = "https://example.org/ssp/"


def one_event(project, **fields):
    project.edition()
    project.event("chambre", front_matter(**fields))
    [edition] = project.load()
    return edition.events[0]


def event_lines(project) -> list[str]:
    event = one_event(project, title="Chambre des erreurs", type="chambre-des-erreurs", start="2017-11-21T09:30",
                      end="12:00", organizer="CHU de Lille",
                      venue="\n  name: Hall d'accueil\n  address: 2 avenue Oscar Lambret\n  postal_code: '59000'\n  city: Lille",
                      region="Hauts-de-France")
    raw = Calendars(SITE, date(2017, 11, 1)).event_calendar(event).decode("utf-8")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")  # CRLF line ends only (RFC 5545 § 3.1)
    return raw.split("\r\n")[:-1]


def test_the_envelope_and_every_property_of_an_event(project):
    lines = event_lines(project)
    assert lines[:6] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Semaine de la securite des patients//Agenda//FR",
                         "CALSCALE:GREGORIAN", "X-WR-CALNAME:Chambre des erreurs", "X-WR-TIMEZONE:Europe/Paris"]
    assert lines[-1] == "END:VCALENDAR" and lines.count("BEGIN:VTIMEZONE") == 1
    event = lines[lines.index("BEGIN:VEVENT"):lines.index("END:VEVENT") + 1]
    assert event[:7] == ["BEGIN:VEVENT", "SUMMARY:Chambre des erreurs", "DTSTART;TZID=Europe/Paris:20171121T093000",
                         "DTEND;TZID=Europe/Paris:20171121T120000", "DTSTAMP:20171101T000000Z",
                         "UID:ssp-2017-chambre@semaine-securite-patients", "CATEGORIES:Chambre des erreurs"]
    assert "LOCATION:Hall d'accueil\\, 2 avenue Oscar Lambret\\, 59000 Lille" in event
    assert "URL:https://example.org/ssp/2017/evenements/chambre/" in event and event[-1] == "END:VEVENT"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character(project):
    lines = event_lines(project)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(len(line.encode("utf-8")) >= 73 for line in lines)  # folded as late as a character allows
    unfolded = "\r\n".join(lines).replace("\r\n ", "")
    assert "DESCRIPTION:Chambre des erreurs — organisé par CHU de Lille\\n" in unfolded


def test_add_to_calendar_links_carry_every_parameter(project):
    event = one_event(project, title="Chambre des erreurs", start="2017-11-21T09:30", end="12:00",
                      venue="\n  city: Dechy\n  postal_code: '59187'", region="Hauts-de-France")
    links = add_links(event, event.occurrences[0], SITE)
    google, outlook = urlsplit(links["google"]), urlsplit(links["outlook"])
    assert (google.scheme, google.netloc, google.path) == ("https", "calendar.google.com", "/calendar/render")
    assert dict(parse_qsl(google.query)) == {
        "action": "TEMPLATE", "text": "Chambre des erreurs", "dates": "20171121T093000/20171121T120000",
        "details": "Portes ouvertes — Centre hospitalier\nhttps://example.org/ssp/2017/evenements/chambre/",
        "location": "59187 Dechy", "ctz": "Europe/Paris"}
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/action/compose")
    assert dict(parse_qsl(outlook.query)) == {
        "path": "/calendar/action/compose", "rru": "addevent", "subject": "Chambre des erreurs",
        "startdt": "2017-11-21T09:30:00+01:00", "enddt": "2017-11-21T12:00:00+01:00", "allday": "false",
        "body": "Portes ouvertes — Centre hospitalier\nhttps://example.org/ssp/2017/evenements/chambre/",
        "location": "59187 Dechy"}


def test_an_all_day_link_ends_the_day_after(project):
    event = one_event(project, start="2017-11-24")
    google = dict(parse_qsl(urlsplit(add_links(event, event.occurrences[0], SITE)["google"]).query))
    outlook = dict(parse_qsl(urlsplit(add_links(event, event.occurrences[0], SITE)["outlook"]).query))
    assert google["dates"] == "20171124/20171125"
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == ("2017-11-24", "2017-11-25", "true")
