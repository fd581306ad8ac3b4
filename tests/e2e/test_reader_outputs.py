"""What readers and machines get besides pages: structured data, CSV, feed, Open Graph, sitemap, open data page."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from builds import build
from helpers import every, front_matter, listing_rows, readers_pages, typeset
from ssp.text import search_words, slugify
from ssp.urls import link, permalinks

ATOM = "{http://www.w3.org/2005/Atom}"


def jsonld(built, rel):
    return json.loads(built.html(rel).find("script", type="application/ld+json").string)


def test_event_structured_data_field_by_field(real_site):
    data = jsonld(real_site, "2017/evenements/portes-ouvertes-maternite-douai/index.html")
    assert data == {
        "@context": "https://schema.org", "@type": "Event",
        "name": "La maternité du Centre hospitalier de Douai ouvre ses portes",
        "startDate": "2017-11-24", "endDate": "2017-11-24",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": "Service de maternité, site de Dechy",
                     "address": {"@type": "PostalAddress", "addressLocality": "Dechy",
                                 "addressRegion": "Hauts-de-France", "addressCountry": "FR"}},
        "organizer": {"@type": "Organization", "name": "Centre hospitalier de Douai"},
        "description": data["description"],
        "url": "https://example.github.io/ssp/2017/evenements/portes-ouvertes-maternite-douai/",
        "image": ["https://example.github.io/ssp/2017/partage.png"],
        "inLanguage": "fr",
    }
    assert data["description"].startswith("À l'occasion de la semaine de la sécurité des patients")


def test_structured_data_of_online_cancelled_and_slots(fixture_project):
    fixture_project.edition()
    fixture_project.event("web", front_matter(venue=None, region=None, online_url="https://example.org/live",
                                              start="2017-11-23T18:00", end="19:30", status="cancelled"))
    fixture_project.event("deux", front_matter(start=None, slots="\n  - start: 2017-11-21T09:00\n  - start: 2017-11-22T09:00\n    end: '10:00'"))
    built = build(fixture_project.root)
    web = jsonld(built, "2017/evenements/web/index.html")
    assert web["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert web["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert web["eventStatus"] == "https://schema.org/EventCancelled"
    assert (web["startDate"], web["endDate"]) == ("2017-11-23T18:00:00+01:00", "2017-11-23T19:30:00+01:00")
    first, second = jsonld(built, "2017/evenements/deux/index.html")
    assert first["startDate"] == "2017-11-21T09:00:00+01:00" and "endDate" not in first
    assert second["endDate"] == "2017-11-22T10:00:00+01:00"
    assert "offers" not in web and "offers" not in first  # no price written: none said


def test_structured_data_says_free_entry_and_links_the_organizer_card(fixture_project):
    fixture_project.edition()
    fixture_project.write("campaigns/contacts/ch-douai.yml", "name: Centre hospitalier de Douai\n")
    fixture_project.event("libre", front_matter(registration="Entrée libre", organizer_contact="ch-douai"))
    fixture_project.event("complet", front_matter(title="Complet", registration="Gratuit, sur inscription",
                                                  status="full"))
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    free = jsonld(built, "2017/evenements/libre/index.html")
    assert free["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "EUR",
                              "url": "http://127.0.0.1:8000/2017/evenements/libre/",
                              "availability": "https://schema.org/InStock"}
    assert free["organizer"] == {"@type": "Organization", "name": "Centre hospitalier",
                                 "url": "http://127.0.0.1:8000/contacts/ch-douai/"}
    assert jsonld(built, "2017/evenements/complet/index.html")["offers"]["availability"] == "https://schema.org/SoldOut"


def test_csv_reads_back_in_a_spreadsheet_dialect(fixture_project):
    fixture_project.edition()
    fixture_project.event("formule", front_matter(title="'=HYPERLINK(\"http://evil\")'", organizer="'@SUM(A1)'",
                                                  time_note="'-2+3'", audience="[patients, proches]"))
    built = build(fixture_project.root)
    raw = (built.site / "2017/evenements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "'=HYPERLINK(\"http://evil\")"
    assert row["organizer"] == "'@SUM(A1)" and row["time_note"] == "'-2+3"
    assert row["audience"] == "patients, proches" and row["venue_city"] == "Dechy" and row["all_day"] == "oui"
    assert list(row) == ["id", "title", "type", "start", "end", "all_day", "timezone", "time_note", "organizer",
                         "venue_name", "venue_address", "venue_postal_code", "venue_city", "region", "departement",
                         "audience", "age_min", "age_max", "accessibility", "attendance_mode", "status", "registration",
                         "online_url", "description", "url"]


def test_csv_and_json_hold_the_same_records(real_site):
    records = json.loads(real_site.text("2017/evenements.json"))["events"]
    rows = list(csv.DictReader(io.StringIO(real_site.text("2017/evenements.csv").lstrip("\ufeff")), delimiter=";"))
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert [row["start"] for row in rows] == [record["start"] for record in records]


def test_atom_feed_newest_first_and_discoverable(real_site):
    feed = ET.fromstring((real_site.site / "flux.xml").read_bytes())
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["La maternité du Centre hospitalier de Douai ouvre ses portes", "Colloque régional de l'ARS Occitanie"]
    first = feed.find(f"{ATOM}entry")
    assert first.find(f"{ATOM}link").get("href") == "https://example.github.io/ssp/2017/evenements/portes-ouvertes-maternite-douai/"
    assert first.find(f"{ATOM}id").text.startswith("urn:uuid:")
    for rel in ["index.html", "2017/index.html", "2017/evenements/colloque-regional-occitanie/index.html"]:
        link = real_site.html(rel).find("link", type="application/atom+xml")
        assert link["href"].endswith("flux.xml")


def test_open_graph_and_description_on_every_page(real_site):
    for path in readers_pages(real_site.site):
        if path.name == "404.html":
            continue
        soup = real_site.html(path.relative_to(real_site.site).as_posix())
        assert soup.find("meta", property="og:title")["content"], path
        assert soup.find("meta", property="og:description")["content"], path
        assert soup.find("meta", attrs={"name": "description"})["content"], path
        assert soup.find("meta", property="og:url")["content"].startswith("https://example.github.io/ssp/"), path


def test_a_shared_link_shows_its_editions_picture(real_site):
    from PIL import Image

    base = "https://example.github.io/ssp/"
    pictures = {}
    for path in readers_pages(real_site.site):
        rel = path.relative_to(real_site.site).as_posix()
        soup = real_site.html(rel)
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith(base) and soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        assert soup.find("meta", property="og:image:alt")["content"].startswith("Semaine de la sécurité des patients ")
        pictures[rel] = image.removeprefix(base)
    assert pictures["2017/evenements/colloque-regional-occitanie/index.html"] == "2017/partage.png"
    assert pictures["2011/index.html"] == "2011/partage.png"
    assert pictures["index.html"] == pictures["partenariat/index.html"] == "2025/partage.png"  # the home page's edition
    for picture in set(pictures.values()):
        with Image.open(real_site.site / picture) as opened:
            assert (opened.format, opened.size) == ("PNG", (1200, 630))
    assert len(set(pictures.values())) == len(list(real_site.site.glob("*/partage.png"))) == 12  # one per edition
    event = jsonld(real_site, "2017/evenements/colloque-regional-occitanie/index.html")
    assert event["image"] == [base + "2017/partage.png"]


def test_an_action_to_come_is_shared_with_its_own_picture(gates_site):
    """The gates' 2030 actions are to come (the build's day is in 2023): each its picture, its poster too;
    the 2017 ones are over: their edition's."""
    from PIL import Image

    built, server = gates_site
    for page in ("2030/evenements/creneaux-la-reunion/index.html", "2030/evenements/creneaux-la-reunion/affiche/index.html"):
        soup = built.html(page)
        assert soup.find("meta", property="og:image")["content"] == server.base + "2030/evenements/creneaux-la-reunion/partage.jpg"
        assert soup.find("meta", property="og:image:type")["content"] == "image/jpeg"
        assert soup.find("meta", property="og:image:alt")["content"] == (
            "Chambre des erreurs (test) — Du lundi 16 au mardi 17 septembre 2030, Saint-Denis (La Réunion)")
        assert len(soup.find_all("meta", property="og:image")) == 1  # not the edition's as well
    with Image.open(built.site / "2030/evenements/creneaux-la-reunion/partage.jpg") as picture:
        assert (picture.format, picture.size) == ("JPEG", (1200, 630))
    cancelled = built.html("2030/evenements/atelier-annule/index.html").find("meta", property="og:image:alt")["content"]
    assert cancelled.startswith("Atelier annulé (test) — Annulée — ")
    past = built.html("2017/evenements/portes-ouvertes-maternite-douai/index.html")
    assert past.find("meta", property="og:image")["content"] == server.base + "2017/partage.png"
    assert not list((built.site / "2017/evenements").rglob("partage.jpg"))
    day = built.html("2030/departements/974/index.html")  # a framed page of no action: its edition's
    assert [meta["content"] for meta in day.find_all("meta", property="og:image")] == [server.base + "2030/partage.png"]


def test_sitemap_lists_event_pages(real_site):
    sitemap = real_site.text("sitemap.xml")
    assert "https://example.github.io/ssp/2017/evenements/portes-ouvertes-maternite-douai/" in sitemap
    # as of 2023-11-14, 2019 is over without actions: its page is there, not its empty list nor the poster leading to it
    addresses = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert {"https://example.github.io/ssp/2019/", "https://example.github.io/ssp/2017/evenements/"} <= set(addresses)
    assert not {"https://example.github.io/ssp/2019/evenements/", "https://example.github.io/ssp/2019/affiche/"} & set(addresses)


def test_open_data_page_lists_files_columns_and_licence(real_site):
    soup = real_site.html("donnees-ouvertes/index.html")
    hrefs = [a["href"] for a in soup.select("article a")]
    assert {"../2017/evenements.json", "../2017/evenements.csv", "../2017/agenda.ics", "../agendas/occitanie.ics",
            "webcal://example.github.io/ssp/agendas/la-reunion.ics", "../flux.xml"} <= set(hrefs)
    text = soup.get_text(" ")
    assert "Licence Ouverte" in text and "point-virgule" in text.replace("points-virgules", "point-virgule")
    columns = [th.get_text(strip=True) for th in soup.select("#colonnes ~ .fr-table tbody th")]
    assert columns[0] == "id" and "url" in columns
    # as of 2023-11-14: an edition over without actions offers no empty file (a sentence names it, no row); one to
    # come offers its (they fill)
    rows = {row.th.get_text(strip=True): row for row in soup.select("table.ssp-archive tbody tr")}
    assert sorted(rows) == ["2017", "2023", "2024", "2025"]
    assert rows["2017"].select('a[href="../2017/evenements.csv"]') and rows["2025"].select('a[href="../2025/evenements.csv"]')
    assert len(rows["2025"].select("td a")) == 5  # JSON, CSV, subscribe, .ics, OpenAgenda
    without = soup.select_one("#sans-fichier").get_text(" ", strip=True).replace("\xa0", " ")
    assert without.startswith("Aucune action n'a été publiée sur ce site pour les éditions 2011, 2012,")
    assert without.endswith(" 2015, 2018, 2019 et 2022 : pas de fichier pour elles.") and "2017" not in without
    # the feed given as an example is one with actions, not the newest edition's, still empty
    assert soup.select_one("#flux ~ p a[href='../2017/flux.xml']")


def test_each_departement_with_actions_has_a_calendar_said_with_its_size(gates_site, real_site):
    """Smaller than a region's: offered on the open-data page and on the département's page, with
    its number of events, which is what the file holds. The real content's two actions have no postal code: their
    towns (Montpellier, Dechy) name their départements."""
    from icalendar import Calendar
    built, server = gates_site
    soup = built.html("donnees-ouvertes/index.html")
    items = {item.span.get_text(" ", strip=True): item for item in soup.select("#agendas-departements ~ ul.ssp-place-calendars li")}
    paths = sorted(path.relative_to(built.site).as_posix() for path in (built.site / "agendas/departements").glob("*.ics"))
    assert len(items) == len(paths) > 1
    for path in paths:
        said, = [name for name, item in items.items() if item.select_one(f"a[href='../{path}']")]
        events = len(Calendar.from_ical(built.text(path)).walk("VEVENT"))
        assert said.endswith(typeset(" 1 événement" if events == 1 else f" {events} événements")), said
    edition, reunion = built.html("2030/departements/974/index.html").select(".ssp-subscribe")
    events = len(Calendar.from_ical(built.text("agendas/departements/974.ics")).walk("VEVENT"))
    assert typeset(f"Agenda La Réunion (974), toutes éditions ({events} événements)") in reunion.get_text(" ", strip=True)
    webcal = server.base.replace("http://", "webcal://") + "agendas/departements/974.ics"
    assert reunion.select_one("a[href^='webcal://']")["href"] == webcal
    events = len(Calendar.from_ical(built.text("2030/agendas/departements/974.ics")).walk("VEVENT"))
    assert typeset(f"Agenda 2030 — La Réunion (974), {events} événements") in edition.get_text(" ", strip=True)
    assert edition.select_one("a[download]")["href"] == "../../agendas/departements/974.ics"
    assert sorted(path.name for path in (real_site.site / "agendas/departements").iterdir()) == ["34.ics", "59.ics"]


def test_without_any_departement_the_open_data_page_says_why(fixture_project):
    fixture_project.edition()
    fixture_project.event("en-ligne", front_matter(venue=None, region=None, online_url="https://visio.example.org/x"))
    fixture_project.event("saint-denis", front_matter(venue="\n  city: Saint-Denis", region="Occitanie"))  # Aude or Gard?
    built = build(fixture_project.root)
    none = built.html("donnees-ouvertes/index.html").select_one("#agendas-departements").find_next_sibling("p")
    assert "ni code postal, ni commune qui le désigne" in none.get_text()
    assert not (built.site / "agendas/departements").exists()


def test_a_card_says_its_place_once(gates_site):
    """A card (and an action's page) names the place's département (and, overseas, its region) once; on a département's page, whose title
    names it, not at all: « Hall d'accueil, Saint-Denis », not « … (La Réunion) » then « La Réunion » on each card."""
    built, _ = gates_site

    def facts(rel: str) -> dict[str, list[str]]:
        return {card.select_one(".ssp-card__title a").get_text(strip=True): [item.get_text(" ", strip=True) for item in card.select(".ssp-card__facts li")]
                for card in built.html(rel).select("#ssp-static-list .ssp-card, .ssp-day .ssp-card")}
    listing, reunion = facts("2030/evenements/index.html"), facts("2030/departements/974/index.html")
    assert listing["Chambre des erreurs (test)"][1:3] == ["Hall d'accueil, Saint-Denis (La Réunion)", typeset("Organisateur : CHU de test")]
    assert listing["Exposition toute la semaine (test)"][2] == "Bretagne"  # a region the place does not name
    assert list(reunion) == ["Chambre des erreurs (test)"]
    assert reunion["Chambre des erreurs (test)"][1:3] == ["Hall d'accueil, Saint-Denis", typeset("Organisateur : CHU de test")]
    rennes = facts("2030/departements/35/index.html")["Exposition toute la semaine (test)"]
    assert not {"Bretagne", "Rennes (Ille-et-Vilaine)"} & set(rennes) and not any("Ille-et-Vilaine" in fact for fact in rennes)
    # the action's page too: its place names La Réunion, no « Région » row says it again; Rennes's keeps its row
    details = {page: [dt.get_text(strip=True) for dt in built.html(f"2030/evenements/{page}/index.html").select(".ssp-details dt")]
               for page in ("creneaux-la-reunion", "exposition-semaine")}
    reunion_place = built.html("2030/evenements/creneaux-la-reunion/index.html").select_one(".ssp-details address").get_text(" ", strip=True)
    assert reunion_place.endswith("Saint-Denis (La Réunion)") and "Région" not in details["creneaux-la-reunion"]
    assert "Région" in details["exposition-semaine"]


FILTER_OF = {"regions": lambda record: slugify(record["region"] or ""), "departements": lambda record: (record["departement"] or "").lower(),
             "types": lambda record: record["type"]}


def test_each_region_departement_and_type_of_an_edition_has_a_calendar_and_a_feed_holding_its_actions(gates_site):
    """Each file read back as a calendar app and a feed reader read it, against the open data."""
    import feedparser
    from icalendar import Calendar

    built, _ = gates_site
    filled = 0
    for data in every(sorted(built.site.glob("20*/evenements.json")), 10):
        year, records = data.parent.name, json.loads(data.read_text(encoding="utf-8"))["events"]
        for calendar in sorted((built.site / year / "agendas").glob("*/*.ics")):  # none for an edition over without actions
            folder, slug = calendar.parent.name, calendar.stem
            expected = {record["url"] for record in records if FILTER_OF[folder](record) == slug}
            assert {str(event["URL"]) for event in Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")} == expected, calendar
            feed = feedparser.parse((built.site / year / "flux" / folder / f"{slug}.xml").read_bytes())
            assert not feed.bozo and {entry.link for entry in feed.entries} == expected, (year, folder, slug)
            filled += bool(expected)
        feeds = {path.relative_to(built.site / year / "flux").with_suffix("") for path in (built.site / year / "flux").glob("*/*.xml")}
        assert feeds == {path.relative_to(built.site / year / "agendas").with_suffix("") for path in (built.site / year / "agendas").glob("*/*.ics")}
    assert filled >= 14  # the fixture edition and the real ones: every filter with actions
    assert len(list((built.site / "2030/agendas/departements").glob("*.ics"))) == 101  # an edition to come: every one, for subscribers


def test_sitemap_and_feed_dates_come_from_the_history_never_the_build(fixture_project):
    import os
    import re
    import subprocess
    from xml.etree import ElementTree as ET

    root = fixture_project.root
    fixture_project.edition()
    fixture_project.event("x")

    def commit(message: str, when: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Équipe",
               "GIT_AUTHOR_EMAIL": "equipe@example.org", "GIT_COMMITTER_NAME": "Équipe",
               "GIT_COMMITTER_EMAIL": "equipe@example.org"}
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)

    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit("contenu", "2026-10-01T09:00:00+02:00")
    fixture_project.event("x", front_matter(title="Portes ouvertes, horaires précisés"))
    commit("correction", "2026-10-05T16:30:00+02:00")
    built = build(root)
    assert built.result.returncode == 0, built.result.stderr
    sitemap = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", built.text("sitemap.xml")))
    assert sitemap["http://127.0.0.1:8000/2017/evenements/x/"] == "2026-10-05"
    assert sitemap["http://127.0.0.1:8000/mentions-legales/"] == "2026-10-01"
    assert sitemap["http://127.0.0.1:8000/2017/"] == ""  # a page made of many files: no date rather than a wrong one
    atom = ET.fromstring(built.text("flux.xml"))
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.find("a:entry/a:updated", namespace).text == "2026-10-05T16:30:00+02:00"
    assert atom.find("a:updated", namespace).text == "2026-10-05T16:30:00+02:00"


def test_the_listing_reads_the_same_records_as_the_open_data(real_site):
    open_data = json.loads(real_site.text("2017/evenements.json"))["events"]
    rows = listing_rows(real_site.text("2017/evenements/liste.json"))
    assert len(rows) == len(open_data) == 2
    by_url = {record["url"]: record for record in open_data}
    for row in rows:
        record = by_url[f"https://example.github.io/ssp/2017/evenements/{row['slug']}/"]
        assert (row["title"], row["start"], row["end"], row["organizer"], row["region"], sorted(row["audience"])) == (
            record["title"], record["start"], record["end"], record["organizer"], record["region"], sorted(record["audience"]))
        venue = record["venue"]
        where = ", ".join(filter(None, (venue["name"], venue["city"])))
        assert re.fullmatch(re.escape(where) + (r" \(.+\)" if record["departement"] else ""), row["place"])
        assert row["mode"] == record["attendance_mode"] == "sur-place"
        assert row["timezone"] == "" and record["timezone"] == "Europe/Paris"  # Paris is said once, in the script
    assert len(real_site.text("2017/evenements/liste.json")) < len(real_site.text("2017/evenements.json")) * 0.5


def test_the_listing_comes_in_a_days_order_and_its_search_words_apart(gates_site):
    built, _ = gates_site
    rows = listing_rows(built.text("2030/evenements/liste.json"))
    assert "description" not in rows[0] and len(rows) >= 5
    order = [(not row["all_day"], row["start"][11:16] if not row["all_day"] else "", row["title"].lower()) for row in rows]
    assert order == sorted(order)  # all-day first, then by start time, then by title: filters.js sorts nothing
    names = json.loads(built.text("2030/evenements/liste.json"))["words"]
    assert names == ["liste-mots-0.json"]  # 500 records a file
    words = json.loads(built.text("2030/evenements/" + names[0]))["words"]
    assert len(words) == len(rows)
    records = {record["url"].rsplit("/", 2)[-2]: record for record in json.loads(built.text("2030/evenements.json"))["events"]}
    for row, said in zip(rows, words):
        record = records[row["slug"]]
        expected = search_words(" ".join(filter(None, [record["title"], record["organizer"], row["place"], record["region"],
                                                       record["description"]])))
        assert set(expected.split()) <= set(said.split())
        assert len(said.split()) == len(set(said.split()))  # each word once
    assert "d'echanges" in words[[row["title"] for row in rows].index("Atelier annulé (test)")].split()


def test_open_data_offers_each_edition_to_openagenda_with_its_mapping(real_site):
    page = real_site.html("donnees-ouvertes/index.html")
    fields = [row.th.get_text() for row in page.select("#openagenda ~ .fr-table tbody tr")]
    assert fields[:3] == ["extIds", "title.fr", "description.fr"] and "accessibility" in fields
    assert page.select_one('a[href$="2017/openagenda.json"]') is not None
    agenda = json.loads(real_site.text("2017/openagenda.json"))
    opendata = json.loads(real_site.text("2017/evenements.json"))
    assert sorted(event["title"]["fr"] for event in agenda["events"]) == sorted(record["title"] for record in opendata["events"])


def test_every_page_of_the_site_has_its_address_in_the_url_table(real_site):
    """Every page built (but the per-action, per-day and per-département pages, whose addresses are
    patterns of the table) is at an address the table gives."""
    fixed = {link(kind) for kind, pattern in permalinks().items() if "{" not in pattern and pattern.endswith("/")}
    built = {path.parent.relative_to(real_site.site).as_posix() + "/" for path in real_site.site.rglob("index.html")}
    patterns = [re.compile(re.sub(r"\\\{[a-z]+\\\}", "[^/]+", re.escape(pattern)) + "$") for pattern in permalinks().values()]
    unlisted = sorted(address for address in built - fixed if address != "./" and not any(p.match(address) for p in patterns))
    assert unlisted == []
