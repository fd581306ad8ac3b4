"""Content the real edition lacks: cancelled, slots, overseas, online, hostile text."""

from __future__ import annotations

import json

from builds import build
from helpers import clocked, front_matter, typeset


def test_cancelled_slots_overseas_and_online(fixture_project):
    fixture_project.edition()
    fixture_project.event("annule", front_matter(status="cancelled", title="Atelier annulé"))
    fixture_project.event("creneaux", front_matter(
        title="Chambre des erreurs", type="chambre-des-erreurs", start=None, region="'La Réunion'",
        venue="\n  name: CHU\n  city: Saint-Denis\n  postal_code: '97400'",
        slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00\n    end: '16:00'"))
    fixture_project.event("webinaire", front_matter(venue=None, region=None, online_url="https://example.org/live",
                                                    start="2017-11-23T18:00", end="19:30", type="conference"))
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr

    records = {r["id"]: r for r in json.loads(built.text("2017/evenements.json"))["events"]}
    assert records["ssp-2017-creneaux-1"]["start"] == "2017-11-21T09:00:00+04:00"
    assert records["ssp-2017-creneaux-2"]["end"] == "2017-11-22T16:00:00+04:00"
    assert records["ssp-2017-creneaux-2"]["timezone"] == "Indian/Reunion"
    assert records["ssp-2017-creneaux-1"]["departement"] == "974"
    assert records["ssp-2017-annule"]["status"] == "cancelled"
    assert records["ssp-2017-webinaire"]["venue"] is None
    assert records["ssp-2017-webinaire"]["end"] == "2017-11-23T19:30:00+01:00"

    listing = built.html("2017/evenements/index.html")
    cancelled = listing.select_one(".ssp-card--cancelled")
    assert cancelled.select_one(".ssp-status").get_text(strip=True) == "Annulée"
    days = [h.get_text(strip=True) for h in listing.select(".ssp-day__title")]
    assert days == [typeset(day) for day in ("Mardi 21 novembre 2017", "Mercredi 22 novembre 2017", "Jeudi 23 novembre 2017",
                                             "Vendredi 24 novembre 2017")]
    slots = built.html("2017/evenements/creneaux/index.html").select(".ssp-details dd ul li")
    assert [li.get_text(strip=True) for li in slots] == [
        typeset(clocked("Le mardi 21 novembre 2017, de 9 h à 12 h (heure de La Réunion)")),
        typeset(clocked("Le mercredi 22 novembre 2017, de 14 h à 16 h (heure de La Réunion)"))]
    online = built.html("2017/evenements/webinaire/index.html")
    assert online.select_one(".ssp-details a[href='https://example.org/live']")
    assert "Cette action est annulée." in built.text("2017/evenements/annule/index.html")
    # past, their posters say so on screen: a cancelled one that it was cancelled, not that it took place
    notices = {slug: built.html(f"2017/evenements/{slug}/affiche/index.html").select_one(".ssp-poster__over").get_text()
               for slug in ("annule", "creneaux")}
    assert notices == {"annule": typeset("Cette action a été annulée : cette affiche n'est plus d'actualité."),
                       "creneaux": typeset("Cette action a eu lieu du mardi 21 au mercredi 22 novembre 2017 : "
                                           "cette affiche n'est plus d'actualité.")}


def test_hostile_text_is_escaped_and_html_sanitised(fixture_project):
    fixture_project.edition()
    fixture_project.write("campaigns/2017/events/x.md", """\
        ---
        title: "<script>alert(1)</script> Atelier"
        type: atelier
        start: 2017-11-21
        organizer: "CH \\"<b>\\" & co"
        venue:
          city: Dechy
        region: Hauts-de-France
        ---
        Texte `<script>alert(2)</script>` <b>gras</b>
        [site](https://example.org)
        """)
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    page = built.text("2017/evenements/x/index.html")
    assert "<script>alert" not in page and "javascript:" not in page
    assert "onerror" not in page and "onclick" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Atelier" in page and "<code>&lt;script&gt;alert(2)&lt;/script&gt;</code>" in page
    soup = built.html("2017/evenements/x/index.html")
    assert soup.select_one(".ssp-description a[href='https://example.org']")["rel"] == ["noopener", "noreferrer"]
    assert json.loads(built.text("2017/evenements.json"))["events"][0]["title"] == "<script>alert(1)</script> Atelier"
