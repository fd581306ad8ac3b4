"""/<year>/openagenda.json: the edition's actions in OpenAgenda's event structure (OpenAgenda/dev-doc,
docs/evenements/structure.md), for an agenda administrator to load."""

from __future__ import annotations

import json
from datetime import date

from helpers import EDITION_2017, front_matter
from ssp.build import build_site
from ssp.exports.openagenda import MAPPING

SITE = "https://ssp.example/"
# The standard fields OpenAgenda documents (writable ones, and `location` as it reads it).
DOCUMENTED = {"uid", "slug", "extIds", "title", "description", "longDescription", "conditions", "keywords", "image",
              "imageCredits", "registration", "accessibility", "timings", "age", "attendanceMode", "locationUid",
              "onlineAccessLink", "links", "timezone", "status", "state", "createdAt", "updatedAt", "location"}


def exported(project) -> dict[str, dict]:
    site = build_site(project.root, today=date(2017, 11, 1), site_url=SITE)
    document = json.loads(site.files["2017/openagenda.json"])
    assert document["total"] == len(document["events"])
    return {event["title"]["fr"]: event for event in document["events"]}


def test_every_field_is_one_openagenda_documents_and_the_mapping_names_them_all(project):
    project.edition(2017, EDITION_2017)
    project.event("mixte", front_matter(title="Conférence mixte", online_url="https://visio.example.org/x",
                                        accessibility="[moteur, visuel]", age="\n  min: 60", start="2017-11-22T14:00",
                                        end="'16:00'", registration="https://inscription.example.org/x"))
    [event] = exported(project).values()
    assert set(event) <= DOCUMENTED
    assert {name.split(".")[0] for name, _ in MAPPING} == set(event) | {"conditions"}  # no text to register here
    assert event["extIds"] == [{"key": "semaine-securite-patients", "value": "ssp-2017-mixte"},
                               {"key": "page", "value": SITE + "2017/evenements/mixte/"}]
    assert event["timings"] == [{"begin": "2017-11-22T14:00:00+01:00", "end": "2017-11-22T16:00:00+01:00"}]
    assert (event["attendanceMode"], event["onlineAccessLink"], event["status"]) == (3, "https://visio.example.org/x", 1)
    assert event["accessibility"] == {"hi": False, "vi": True, "pi": False, "mi": True, "ii": False}
    assert event["age"] == {"min": 60} and event["registration"] == ["https://inscription.example.org/x"]
    assert event["location"] == {"name": "Dechy", "city": "Dechy", "department": "Nord", "region": "Hauts-de-France",
                                 "countryCode": "FR", "timezone": "Europe/Paris"}  # its town names it (no postal code); by name, as
    # OpenAgenda's exports say it (« Ille-et-Vilaine », test_openagenda_import)
    assert event["description"]["fr"].startswith("Portes ouvertes. Organisateur : Centre hospitalier. Description.")
    assert event["longDescription"]["fr"] == (f"Description.\n\nPortes ouvertes. Organisateur : Centre hospitalier. "
                                              f"Page de l'action : <{SITE}2017/evenements/mixte/>")
    assert event["keywords"]["fr"] == ["Portes ouvertes", "Semaine de la sécurité des patients", "2017"]


def test_days_slots_overseas_statuses_and_limits(project):
    project.edition(2017, EDITION_2017)
    project.event("journees", front_matter(title="T" * 150, start="2017-11-20", end="2017-11-21", registration="Entrée libre",
                                           status="full", audience="[patients, proches]"))
    project.event("reunion", front_matter(title="Créneaux à La Réunion", venue="\n  city: Saint-Denis\n  postal_code: '97400'",
                                          region="La Réunion", start=None, status="moved-online",
                                          online_url="https://visio.example.org/r", registration="mailto:ars@example.org",
                                          slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00"))
    events = exported(project)
    days = events["T" * 139 + "…"]
    assert days["timings"] == [{"begin": "2017-11-20T00:00:00+01:00", "end": "2017-11-20T23:59:00+01:00"},
                               {"begin": "2017-11-21T00:00:00+01:00", "end": "2017-11-21T23:59:00+01:00"}]
    assert days["conditions"] == {"fr": "Entrée libre"} and "registration" not in days and days["status"] == 5
    assert days["keywords"]["fr"][:3] == ["Portes ouvertes", "Patients", "Proches et aidants"]
    overseas = events["Créneaux à La Réunion"]
    assert overseas["timings"] == [{"begin": "2017-11-21T09:00:00+04:00", "end": "2017-11-21T12:00:00+04:00"},
                                   {"begin": "2017-11-22T14:00:00+04:00", "end": "2017-11-22T14:00:00+04:00"}]
    assert (overseas["status"], overseas["attendanceMode"], overseas["timezone"]) == (3, 2, "Indian/Reunion")
    assert "location" not in overseas and overseas["registration"] == ["ars@example.org"]
    assert all(len(event["description"]["fr"]) <= 200 for event in events.values())
