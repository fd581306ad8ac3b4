"""The calendar and « Ajouter à mon agenda » outputs pinned line by line for one known action:
any change to the envelope, a property, the folding or a link parameter shows here."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

from helpers import clocked, front_matter
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
    assert "DESCRIPTION:Chambre des erreurs — organisateur : CHU de Lille\\n" in unfolded


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


def test_the_description_of_an_event_says_all_it_has(project):
    from ssp.exports.ics import description

    event = one_event(project, title="Colloque", type="colloque", status="cancelled", time_note="accueil dès 9 h",
                      online_url="https://exemple.fr/direct", registration="mailto:ssp@chu.fr",
                      programme="\n  - start: '9:00'\n    end: '9:30'\n    title: Accueil\n"
                                "  - start: '14:00'\n    title: Table ronde\n    speakers: [Dr Martin, Mme Durand]")
    assert description(event, SITE).split("\n") == [
        "Colloque — organisateur : Centre hospitalier", "Statut : Annulée", "Horaire : accueil dès 9 h",
        "En ligne : https://exemple.fr/direct", "Inscription : ssp@chu.fr", "", "Description.", "",
        "Programme :", clocked("9 h – 9 h 30 : Accueil"), clocked("14 h : Table ronde (Dr Martin, Mme Durand)"), "",
        "https://example.org/ssp/2017/evenements/chambre/"]


def test_a_scheduled_event_says_no_status(project):
    from ssp.exports.ics import description

    assert description(one_event(project), SITE).split("\n") == [
        "Portes ouvertes — organisateur : Centre hospitalier", "", "Description.", "", "https://example.org/ssp/2017/evenements/chambre/"]


def test_statuses_in_calendars(project):
    from ssp.exports.ics import ICS_STATUS

    assert ICS_STATUS == {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "moved-online": "CONFIRMED",
                          "full": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
    event = one_event(project, status="postponed")
    raw = Calendars(SITE, date(2017, 11, 1)).event_calendar(event).decode()
    assert "STATUS:TENTATIVE" in raw.split("\r\n") and "Statut : Reportée" in raw.replace("\r\n ", "")


def test_an_online_event_takes_place_en_ligne(project):
    from ssp.exports.ics import location

    event = one_event(project, venue=None, online_url="https://exemple.fr/direct")
    assert location(event) == "En ligne"


def test_one_calendar_ends_once_and_covers_the_editions_years(project):
    event = one_event(project)
    raw = Calendars(SITE, date(2017, 11, 1), (2011, 2017)).event_calendar(event).decode()
    assert raw.count("END:VCALENDAR") == 1 and raw.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert "COMMENT:This timezone only works from 2011-01-01 to 2017-12-31." in raw.split("\r\n")
    own = Calendars(SITE, date(2017, 11, 1)).event_calendar(event).decode().split("\r\n")
    assert "COMMENT:This timezone only works from 2017-01-01 to 2017-12-31." in own and "DTSTART:20170101T000000" in own


def test_a_calendar_of_no_event_still_has_a_time_zone():
    from ssp.exports.ics import years_of

    assert years_of([]) == (2011, 2011)
    raw = Calendars(SITE, date(2017, 11, 1)).calendar("Vide", []).decode()
    assert "BEGIN:VTIMEZONE" in raw and "BEGIN:VEVENT" not in raw


def test_a_fold_never_loops_on_escapes_even_with_a_tiny_limit():
    from ssp.exports.ics import fold

    folded = fold("\\;" * 6, limit=2)  # each cut would fall after a backslash: the guard keeps moving on
    assert folded.replace(b"\r\n ", b"") == ("\\;" * 6).encode() and all(len(part) == 1 for part in folded.split(b"\r\n "))
    assert fold("a" + "\\;" * 3, limit=3) == b"a\r\n \\;\r\n \\;\r\n \\;"  # with room for two octets, each escape stays whole
