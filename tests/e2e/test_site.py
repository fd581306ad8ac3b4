"""The real 2017 edition, built: pages, French dates, navigation, open data."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from builds import build
from helpers import EDITION_2017, clocked, every, front_matter, readers_pages, typeset


def main_text(soup) -> str:
    return " ".join(soup.select_one("article.ssp-article").get_text(" ").split())


def test_every_page_is_built(real_site):
    for rel in ["index.html", "editions/index.html", "2017/index.html", "2017/evenements/index.html",
                "2017/evenements/colloque-regional-occitanie/index.html",
                "2017/evenements/portes-ouvertes-maternite-douai/index.html", "2017/evenements.json", "404.html"]:
        assert (real_site.site / rel).is_file(), rel


def test_pages_are_french(real_site):
    assert real_site.html("2017/index.html").html["lang"] == "fr"


def test_edition_page(real_site):
    soup = real_site.html("2017/index.html")
    text = main_text(soup)
    assert soup.h1.get_text(strip=True) == "Semaine de la sécurité des patients 2017"
    number = soup.select_one(".ssp-edition__number")
    said = number.select_one(".fr-sr-only").extract().get_text()  # for screen readers, and « quand 2017 » searched (search.js)
    assert said == "Dates\u00a0: "
    assert number.get_text() == "7e\u00a0édition · " + typeset("Du lundi 20 au vendredi 24 novembre 2017")  # « 7ᵉ » kept with « édition »
    assert number.sup.get_text() == "e"  # « 7ᵉ », as French typography writes it
    assert "« Usagers, soignants : partenaires pour la sécurité des patients »" in text
    assert "France Assos Santé" in text
    days = [h.get_text(strip=True) for h in soup.select(".ssp-day__title")]
    assert days == [typeset("Mardi 21 novembre 2017"), typeset("Vendredi 24 novembre 2017")]
    dgos = soup.select_one(".ssp-resources a")
    assert dgos["href"].startswith("http://solidarites-sante.gouv.fr/") and "DGOS" in dgos.parent.get_text()


def test_listing_groups_by_day_with_every_fact(real_site):
    soup = real_site.html("2017/evenements/index.html")
    sections = soup.select("section.ssp-day")
    assert [s.h2.get_text(strip=True) for s in sections] == [typeset("Mardi 21 novembre 2017"), typeset("Vendredi 24 novembre 2017")]
    douai = sections[1].select_one(".ssp-card")
    facts = [li.get_text(" ", strip=True) for li in douai.select(".ssp-card__facts li")]
    assert facts == ["Portes ouvertes", "Service de maternité, site de Dechy, Dechy (Nord)", "Hauts-de-France",
                     typeset("Organisateur : Centre hospitalier de Douai")]
    assert douai.select_one(".ssp-card__when").get_text(strip=True) == "Tout l'après-midi"  # never beside « Toute la journée »
    assert douai.a["href"] == "../evenements/portes-ouvertes-maternite-douai/" or douai.a["href"] == "portes-ouvertes-maternite-douai/"


def test_event_page_has_every_field_and_nothing_invented(real_site):
    soup = real_site.html("2017/evenements/portes-ouvertes-maternite-douai/index.html")
    details = {dt.get_text(strip=True): " ".join(dt.find_next_sibling("dd").get_text(" ").split())
               for dt in soup.select(".ssp-details dt")}
    assert details == {
        "Quand": "Le vendredi 24 novembre 2017 Tout l'après-midi",
        "Type d'action": "Portes ouvertes",
        "Lieu": "Service de maternité, site de Dechy Dechy (Nord)",  # no postal code: the one Dechy, in the Nord
        "Région": "Hauts-de-France",
        "Organisateur": "Centre hospitalier de Douai",
        "Public": "Grand public, Patients",
    }  # no « Statut » row: built in 2023 (SOURCE_DATE_EPOCH), the page says at its top that the action took place
    assert soup.select_one(".ssp-notice").get_text(strip=True) == typeset("Cette action a eu lieu le vendredi 24 novembre 2017.")
    assert not soup.select(".ssp-add-calendar, .ssp-poster-link")  # nothing to add to a calendar, no poster to print
    assert "futurs parents" in soup.select_one(".ssp-description").get_text()
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("La maternité du Centre hospitalier")


def test_event_pages_stay_out_of_the_navigation(real_site):
    for rel in ["index.html", "2017/evenements/colloque-regional-occitanie/index.html"]:
        nav = real_site.html(rel).select_one("nav.fr-nav")
        links = [a["href"] for a in nav.select("a[href]")]
        assert not any("evenements/" in href for href in links), links


def test_home_shows_the_latest_edition(real_site):
    home = real_site.html("index.html")  # built as of 2023-11-14 (SOURCE_DATE_EPOCH)
    text = main_text(home)
    assert "Prochaine édition L'édition 2025 Du lundi 15 au vendredi 19 septembre 2025" in text
    assert "« Des soins sûrs pour chaque nouveau-né et chaque enfant »" in text
    assert "Aucune action n'est encore publiée pour cette édition : revenez bientôt." in text
    assert not home.select("#ssp-near")  # no action to find near anyone
    assert "2017 : « Usagers, soignants : partenaires pour la sécurité des patients »" in text
    others = [a.get_text() for a in home.select_one("#autres-editions").parent.select("a")]
    assert others[0] == "2024" and "2025" not in others  # the featured edition is not repeated among the others


def test_home_follows_the_edition_through_its_phases(fixture_project):
    from builds import build

    fixture_project.edition()
    fixture_project.event("x")
    fixture_project.event("y", front_matter(title="Atelier", start="2017-11-21T14:00", organizer="CHU de Lille",
                                            venue="\n  city: Lille\n  postal_code: '59000'"))
    # 9 h in La Réunion is 6 h in Paris: the home lists by the time on the venue's clock
    fixture_project.event("reunion", front_matter(title="Café patients", start="2017-11-21T09:00", region="La Réunion",
                                                  venue="\n  city: Saint-Denis\n  postal_code: '97400'"))
    fixture_project.event("paris", front_matter(title="Accueil", start="2017-11-21T08:30", region="Île-de-France",
                                                venue="\n  city: Paris\n  postal_code: '75013'"))
    before = build(fixture_project.root, SOURCE_DATE_EPOCH="1510704000")  # 2017-11-15
    home = before.html("index.html")
    assert home.select_one(".ssp-hero__phase").get_text() == "Prochaine édition"
    assert [li.get_text() for li in home.select(".ssp-figures li")] == [
        typeset(figure) for figure in ("4 actions", "2 établissements organisateurs", "3 régions", "3 départements")]
    assert [card.a.get_text() for card in home.select("#prochaines-actions ~ .ssp-cards .ssp-card")] == [
        "Accueil", "Café patients", "Atelier", "Portes ouvertes"]
    assert home.select_one(".ssp-card__when").get_text(strip=True) == typeset(clocked("Le mardi 21 novembre 2017 à 8 h 30"))
    assert [a["href"] for a in home.select(".ssp-near__list a")] == [
        "2017/departements/59/", "2017/departements/75/", "2017/departements/974/"]
    during = build(fixture_project.root, SOURCE_DATE_EPOCH="1511308800")  # 2017-11-22
    home = during.html("index.html")
    assert home.select_one(".ssp-hero__phase").get_text() == "En ce moment"
    assert [card.a.get_text() for card in home.select(".ssp-card")] == ["Portes ouvertes"]  # the workshop is over
    after = build(fixture_project.root, SOURCE_DATE_EPOCH="1700000000")  # 2023-11-14
    home = after.html("index.html")
    assert home.select_one("#edition-phare").get_text() == typeset("L'édition 2017 est terminée")
    assert not home.select(".ssp-card")
    # what there is to do: the next edition's date when known, the actions, the bilan, the edition
    assert home.select_one(".ssp-hero__next").get_text() == (
        typeset("Les dates de la prochaine édition ne sont pas encore annoncées : elles le seront sur ce site."))
    assert [(a.get_text(), a["href"]) for a in home.select(".ssp-hero__actions a")] == [
        ("Revoir les actions", "2017/evenements/"), ("Le bilan de l'édition 2017", "2017/bilan/"),
        ("Tout sur l'édition 2017", "2017/")]
    assert after.html("2017/evenements/index.html").select(".ssp-card")  # the actions stay listed


def test_a_home_whose_edition_has_no_actions_leads_to_the_last_that_has(later_site):
    """Real content as of 2026-12-03: 2025 is over and its actions were not published here; 2017's were."""
    later = later_site[0]
    home = later.html("index.html")
    assert home.select_one("#edition-phare").get_text() == typeset("L'édition 2025 est terminée")
    hero = " ".join(home.select_one(".ssp-hero").get_text(" ").split())
    assert "Les actions de cette édition n'ont pas été publiées sur ce site." in hero and "encore publiée" not in hero
    assert "Les dates de la prochaine édition ne sont pas encore annoncées" in hero
    assert [a["href"] for a in home.select(".ssp-hero__published a")] == ["2017/evenements/", "2017/bilan/", "2017/supports/"]
    assert "Les actions de cette édition n'ont pas été publiées sur ce site." in later.html("2025/index.html").get_text()


def test_the_listing_of_an_edition_without_actions_says_so_and_offers_nothing_to_filter(real_site, later_site):
    """2025 has no published action: to come on 2023-11-14 (real_site), over on 2026-12-03 (later_site)."""
    for built in (real_site, later_site[0]):
        listing = built.html("2025/evenements/index.html")
        assert not listing.select("#ssp-filters, #ssp-results")  # before: « 0 action trouvée sur 0. Aucune action ne
        scripts = [script.get("src", "") for script in listing.select("script")]  # correspond à ces critères. »
        assert not [src for src in scripts if "filters.js" in src or "places.js" in src]
        assert not listing.select('link[rel="preload"][as="fetch"]')
    coming = main_text(real_site.html("2025/evenements/index.html"))
    assert "Aucune action n'est encore publiée pour cette édition." in coming
    follow = real_site.html("2025/evenements/index.html").select_one(".ssp-follow")
    assert follow.select_one('a[href$="organiser-une-action/"]').get_text() == "Faites-la connaître"
    assert "0 action" not in follow.get_text() and "0 événement" not in follow.get_text()
    assert follow.select_one('a[href$="2025/agenda.ics"]')  # subscribed now, filled as actions are published
    over = later_site[0].html("2025/evenements/index.html")
    assert "Les actions de cette édition n'ont pas été publiées sur ce site." in main_text(over)
    assert not over.select(".ssp-follow")  # nothing to follow once it is over
    back = over.select_one("#ssp-static-list a")  # no dead end: the edition's page, its theme and resources
    assert (back.get_text(), back["href"]) == ("Tout sur l'édition 2025", "../")
    indexed = {record["meta"]["url"] for record in pagefind_records(later_site[0].site)}
    assert "2025/evenements/" not in indexed and "2025/affiche/" not in indexed and "2025/" in indexed
    assert "2017/affiche/" in indexed  # over, with actions: its poster leads to them
    # the open data page's example addresses of lists to frame name an edition that has them (2025 has none)
    heading = later_site[0].html("donnees-ouvertes/index.html").find(id="integrer")
    examples = [code.get_text() for code in heading.find_next("ul").select("code")]
    assert examples[0] == "2017/integrer/france/" and (later_site[0].site / examples[0] / "index.html").is_file()


def test_the_page_of_an_edition_over_without_actions_leads_to_nothing_empty(real_site, later_site):
    """2025 as of 2026-12-03: no list, calendar or poster of no action; its resources. Before it is over
    (2023-11-14), all three are offered: they fill as actions are published."""
    over = later_site[0].html("2025/index.html")
    actions = over.find(id="actions").find_next_sibling()
    assert main_text(over).count("n'ont pas été publiées") == 1
    assert actions.get_text(" ", strip=True) == typeset(
        "Les actions de cette édition n'ont pas été publiées sur ce site. Les ressources ci-dessous en disent plus.")
    assert not over.select('.ssp-subscribe, .ssp-poster-link, #jour-par-jour, a[href$="evenements/"]')
    assert over.select(".ssp-resources a")
    coming = real_site.html("2025/index.html")
    assert coming.select('.ssp-subscribe, .ssp-poster-link, #jour-par-jour, a[href="evenements/"]')
    assert later_site[0].html("2017/index.html").select(".ssp-subscribe, .ssp-poster-link, #jour-par-jour")  # over, with actions


def test_archive_lists_every_edition_with_a_source(real_site):
    archive = real_site.html("editions/index.html")  # built as of 2023-11-14
    assert {sup.get_text() for sup in archive.select("table.ssp-archive sup")} == {"e", "re"}  # « 7ᵉ », « 1ʳᵉ »
    for sup in archive.select("table.ssp-archive sup"):
        sup.unwrap()
    archive.smooth()  # « 7 » and « e » read as one word
    rows = archive.select("table.ssp-archive tbody tr")
    cells = {row.th.get_text(" ", strip=True).split()[0]: [row.th.get_text(" ", strip=True)] + [cell.get_text(" ", strip=True)
                                                                                                 for cell in row.find_all("td")] for row in rows}
    assert list(cells) == [str(year) for year in range(2025, 2010, -1)]  # every year, none skipped without a word
    assert cells["2017"] == ["2017 7e\u00a0édition", typeset("Du lundi 20 au vendredi 24 novembre 2017"),
                             typeset("Usagers, soignants : partenaires pour la sécurité des patients"), "2"]
    assert cells["2011"][:2] == ["2011 1re\u00a0édition", typeset("Du lundi 21 au vendredi 25 novembre 2011")]
    assert cells["2024"][:2] == ["2024", typeset("Du lundi 16 au vendredi 20 septembre 2024")]  # no number known: none shown
    assert cells["2018"][3] == "non publiées" and cells["2025"][3] == "pas encore"  # never « 0 » for actions not published here
    for year in ["2016", "2020", "2021"]:
        assert not (real_site.site / year).exists()
        assert cells[year] == [year, typeset("Ni dates ni thème retrouvés dans une source publique : ce site n'a pas de page pour cette année.")]
    chart = archive.select_one("#actions-par-edition ~ .ssp-chart__summary").get_text()
    assert chart == typeset("Seule l'édition 2017 a ses actions publiées sur ce site (2 actions).")
    assert [row.th.get_text() for row in archive.select(".ssp-chart__table tbody tr")] == ["2017"]
    sources = [a["href"] for a in real_site.html("2018/index.html").select(".ssp-resources a")]
    assert sources[0].startswith("https://sante.gouv.fr/archives/")


def test_open_data_json(real_site):
    document = json.loads(real_site.text("2017/evenements.json"))
    assert (document["edition"], document["start"], document["end"]) == (2017, "2017-11-20", "2017-11-24")
    colloque, douai = document["events"]
    assert colloque == {
        "id": "ssp-2017-colloque-regional-occitanie", "title": "Colloque régional de l'ARS Occitanie",
        "type": "colloque", "start": "2017-11-21", "end": None, "all_day": True, "timezone": "Europe/Paris",
        "time_note": None, "organizer": "ARS Occitanie",
        "venue": {"name": None, "address": None, "postal_code": None, "city": "Montpellier"},
        "region": "Occitanie", "departement": "34", "audience": [], "age_min": None, "age_max": None,
        "accessibility": [], "attendance_mode": "sur-place", "status": "scheduled",
        "registration": None, "online_url": None, "description": colloque["description"],
        "url": "https://example.github.io/ssp/2017/evenements/colloque-regional-occitanie/",
    }
    assert douai["time_note"] == "Tout l'après-midi"
    assert colloque["description"].startswith("Un colloque régional pour favoriser") and len(colloque["description"]) <= 301


def test_no_third_party_fonts_or_api(real_site):
    for path in every(real_site.site.rglob("*.html"), 20):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"fonts\.(googleapis|gstatic)\.com|api\.github\.com", text), path


def test_links_work_under_a_sub_path(real_site):
    """Every internal link is relative, so the site works at https://<org>.github.io/<repo>/."""
    for path in every(real_site.site.rglob("*.html"), 20):
        soup = real_site.html(path.relative_to(real_site.site).as_posix())
        prefix = "/ssp/" if path.name == "404.html" and path.parent == real_site.site else None
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            target = tag.get("href") or tag.get("src")
            if prefix:  # the 404 page is served at any depth: MkDocs gives it absolute links
                assert target.startswith((prefix, "http", "#")), target
            else:
                assert not target.startswith("/"), (path, target)


def pagefind_texts(site) -> str:
    """Every page's text as Pagefind stored it (its fragments are gzipped JSON)."""
    import gzip
    return "\n".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                     for path in (site / "pagefind/fragment").glob("*.pf_fragment"))


def test_every_page_is_indexed_for_search_by_its_content_only(real_site):
    pages = [path for path in readers_pages(real_site.site) if path.name == "index.html"]
    marked = [path for path in pages if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    # the lists of editions over without actions (as of 2023-11-14: each but 2017's before 2023; 2025's is to come)
    years = (*range(2011, 2016), 2018, 2019, 2022)
    empty = {real_site.site / f"{year}/evenements/index.html" for year in years}
    assert all("n'ont pas été publiées" in main_text(real_site.html(path.relative_to(real_site.site).as_posix())) for path in empty)
    past_posters = set((real_site.site / "2017/evenements").glob("*/affiche/index.html"))  # 2017's actions are over
    assert len(past_posters) == 2
    left_out = {real_site.site / "recherche/index.html", *empty, *past_posters,
                *(real_site.site / f"{year}/affiche/index.html" for year in years)}
    assert marked == [path for path in pages if path not in left_out]  # editions, events, posters, bilan, open data,
    # resources, calls, legal pages, the site map (by its title: its list, every page's title, came first for many
    # words)… but the search page, the empty lists and the posters leading to them (they came before their edition's
    # page for its year), and the posters of past actions (their page no longer offers them)
    sitemap = real_site.html("plan-du-site/index.html").select_one(".ssp-sitemap")
    assert sitemap.has_attr("data-pagefind-ignore") and "Mentions légales" in sitemap.get_text()
    assert "data-pagefind-body" not in real_site.text("404.html")
    assert not (real_site.site / "search/search_index.json").exists()  # Material's search is gone
    texts = pagefind_texts(real_site.site)
    assert "La maternité du Centre hospitalier de Douai ouvre ses portes" in texts and "futurs parents" in texts
    assert "Aller au contenu" not in texts  # the header, navigation and footer are not indexed
    assert json.loads(real_site.text("pagefind/pagefind-entry.json"))["languages"].keys() == {"fr"}
    # only Pagefind's French module is published: its module for an index of no language would never be loaded
    assert sorted(path.name for path in (real_site.site / "pagefind").glob("wasm.*")) == ["wasm.fr.pagefind"]
    # Pagefind read the pages' reduced copies (ssp.searchcopy): every marked page is found at its own
    # address (the metadata search.js links to) under its own title, and the copies are gone once the index is made.
    indexed = {record["meta"]["url"]: record["meta"]["title"] for record in pagefind_records(real_site.site)}
    assert indexed == {address(real_site.site, path): page_h1(path) for path in marked}
    assert not list(real_site.site.parent.glob("site*.recherche"))


def test_each_year_older_weighs_less_in_the_search(real_site):
    """At equal relevance, the newest edition's page first: each year older weighs 5 % less, down to half (Pagefind
    keeps weights in coarse steps: with 3 %, neighbouring years tied on 15 editions)."""
    def weight(rel: str) -> float:
        return float(real_site.html(rel).select_one("[data-pagefind-body]").get("data-pagefind-weight", 1))
    newest = max(int(path.name) for path in real_site.site.glob("20[0-9][0-9]") if (path / "index.html").is_file())
    weights = [weight(f"{year}/index.html") for year in range(newest, newest - 12, -1) if (real_site.site / f"{year}/index.html").is_file()]
    assert weights[0] == 1 and weights[-1] == 0.5 and weights == sorted(weights, reverse=True)
    assert weight(f"{newest - 1}/index.html") == 0.95 and weight(f"{newest - 8}/index.html") == 0.6
    assert weight("2017/bilan/index.html") == weight("2017/index.html")  # every page of an edition alike


def test_search_index_holds_what_a_page_says_not_its_tools(real_site, gates_site):
    """An action's record is its details and description: not its breadcrumb, calendar, share,
    poster and embedding links (the same on every action: a search for « agenda » or « Facebook »
    would list them all, and their text would open its excerpts); a poster's record leaves its QR
    code, printing hint and buttons out, a list its embedding code. Details read as sentences (« Région : Hauts-de-France. »:
    a result's excerpt), table cells as words apart (« Année Dates Thème »)."""
    records = {record["meta"]["url"]: record["content"] for record in pagefind_records(real_site.site)}
    event = records["2017/evenements/portes-ouvertes-maternite-douai/"]
    assert event.startswith("La maternité du Centre hospitalier de Douai ouvre ses portes") and "futurs parents" in event
    assert "Lieu : Service de maternité, site de Dechy, Dechy (Nord). Région : Hauts-de-France. Organisateur" in event  # spaces: Pagefind's
    assert "Année Dates Thème Actions" in records["editions/"]  # the editions' table, its headers
    for tool in ("fil d'Ariane", "Ajouter à mon agenda", "Google Agenda", "Partager", "Facebook", "Imprimer l'affiche",
                 "Intégrer", "Adresse de cette page"):
        assert tool not in event, tool
    assert "2017/evenements/portes-ouvertes-maternite-douai/affiche/" not in records  # over: its page no longer offers it
    to_come = {record["meta"]["url"]: record["content"] for record in pagefind_records(gates_site[0].site)}
    poster = to_come["2030/evenements/creneaux-la-reunion/affiche/"]
    assert poster.startswith("Affiche à imprimer") and "Chambre des erreurs (test)" in poster  # found by « affiche »,
    # listed after its action
    assert "Code QR" not in poster and "En-têtes et pieds de page" not in poster and "http" not in poster
    assert "Imprimer l'affiche" not in poster and "Revenir à l'action" not in poster  # its buttons
    # nor the campaign's lines, the same on every poster of the edition (every poster matched « Saint-Denis 2030 »
    # better than its action's page); the edition's poster, whose content they are, keeps them
    assert "Semaine de la sécurité des patients 2030" not in poster and "édition" not in poster
    assert "Semaine de la sécurité des patients 2030" in to_come["2030/affiche/"]
    listing = records["2017/evenements/"]  # its embedding code (an <iframe> and a script) is no text to find
    assert "Intégrer sur votre site" in listing and "<iframe" not in listing and "iframe" not in listing
    departements = [record["content"] for record in pagefind_records(gates_site[0].site) if "/departements/" in record["meta"]["url"]]
    assert departements and not any("Intégrer sur votre site" in content for content in departements)  # the same words on
    # every département's page: found on the listing
    # nor its cards: each says what its action's page says, and a département's page of a hundred cards came before
    # the actions for any of its towns' names; the page is found by its own words
    reunion = to_come["2030/departements/974/"]
    assert "La Réunion" in reunion and "Chambre des erreurs" not in reunion and "Saint-Denis" not in reunion
    assert "Chambre des erreurs (test)" in to_come["2030/evenements/creneaux-la-reunion/"]
    assert "maternité" not in listing and "maternité" not in records["2017/"]  # the edition's list and page: no card either


def address(site, path) -> str:
    """A page's address from the site's root (« 2017/evenements/…/ », « ./ »)."""
    folder = path.parent.relative_to(site).as_posix()
    return "./" if folder == "." else f"{folder}/"


def pagefind_records(site) -> list[dict]:
    import gzip
    records = []
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def page_h1(path) -> str:
    return re.sub(r"[ \t\r\n]+", " ", BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                  .select_one("[data-pagefind-body] h1").get_text(" ", strip=True))  # no-break spaces kept (text.french_spacing)


def test_not_found_page_is_french_and_works_at_any_depth(real_site):
    soup = real_site.html("404.html")
    assert soup.h1.get_text(strip=True) == "Page introuvable"
    links = [a["href"] for a in soup.select("article a")]
    assert links == ["/ssp/", "/ssp/editions/"]  # absolute: the 404 page is served at any depth


def test_event_page_offers_calendar_links(real_site, gates_site):
    section = gates_site[0].html("2030/evenements/webinaire/index.html").select_one(".ssp-add-calendar")  # to come, full
    links = {a.get_text(strip=True): a["href"] for a in section.select("a")}
    assert links["Télécharger le fichier agenda (.ics)"] == "../webinaire.ics"
    assert links["Ajouter à Google Agenda"].startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert links["Ajouter à Outlook.com"].startswith("https://outlook.live.com/calendar/0/action/compose?")
    assert (real_site.site / "2017/evenements/portes-ouvertes-maternite-douai.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    # a cancelled or postponed action is not offered to a calendar (its dates no longer hold): what to do if it is in one
    for slug, said in (("atelier-annule", "Cette action est annulée : si vous l'aviez ajoutée à votre agenda, supprimez-la."),
                       ("exposition-semaine", "Cette action est reportée : si vous l'aviez ajoutée à votre agenda, ses nouvelles "
                                              "dates seront données sur cette page.")):
        section = gates_site[0].html(f"2030/evenements/{slug}/index.html").select_one(".ssp-add-calendar")
        assert section.h2.get_text() == "Dans votre agenda" and not section.select("a")
        assert " ".join(section.p.get_text().split()).startswith(said)  # split() reads no-break spaces as spaces


def test_edition_calendar_can_be_subscribed(real_site):
    links = [a["href"] for a in real_site.html("2017/index.html").select(".ssp-subscribe a")]
    assert links == ["webcal://example.github.io/ssp/2017/agenda.ics", "agenda.ics"]


def test_themes_are_between_guillemets_once(real_site):
    """Editions written with or without guillemets read the same: the templates add them once."""
    for year, theme in (("2025", "Des soins sûrs pour chaque nouveau-né et chaque enfant"),
                        ("2017", "Usagers, soignants : partenaires pour la sécurité des patients")):
        shown = real_site.html(f"{year}/index.html").select_one(".ssp-edition__theme").get_text()
        assert shown == typeset(f"« {theme} »") and "\u00a0»" in shown  # no line break inside the guillemets (text.french_spacing)
    home = main_text(real_site.html("index.html"))
    assert "« Des soins sûrs pour chaque nouveau-né et chaque enfant »" in home and "« « Des soins" not in home
    assert "« Les médicaments ? À bon escient ! »" in main_text(real_site.html("2018/index.html"))


def test_an_upcoming_event_has_no_status_line_and_a_listing_counts_in_good_french(fixture_project):
    from builds import build

    fixture_project.edition(2030, EDITION_2017.replace("2017", "2030"))
    fixture_project.event("x", front_matter(start="2030-11-21T14:00", region="Martinique",
                                           venue="\n  city: Fort-de-France\n  postal_code: '97200'"), year=2030)
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    page = built.html("2030/evenements/x/index.html")
    assert "Statut" not in [dt.get_text(strip=True) for dt in page.select(".ssp-details dt")]
    listing = built.html("2030/evenements/index.html")
    assert "1 action publiée." in main_text(listing)
    assert listing.select_one(".ssp-card__when").get_text(strip=True) == clocked("14 h (heure de la Martinique)")


def test_a_docs_page_whose_header_says_so_is_left_out_of_the_search(fixture_project):
    """`search: {exclude: true}`, Material's front matter: the page is published, not indexed."""
    fixture_project.edition()
    page = fixture_project.root / "docs/mentions-legales.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Mentions légales\n", "title: Mentions légales\nsearch:\n  exclude: true\n", 1),
                    encoding="utf-8")
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    assert built.html("mentions-legales/index.html").h1.get_text() == "Mentions légales"
    addresses = {record["meta"]["url"] for record in pagefind_records(built.site)}
    assert "mentions-legales/" not in addresses and "donnees-personnelles/" in addresses


def test_the_templates_indentation_is_not_sent_to_readers(real_site):
    """Our templates' indentation (hooks/site.py, Dedented) was a tenth of an action's page: it is left out as they are
    compiled; where spaces are text (the code to copy, in <pre>), they are kept."""
    for path in ("2017/evenements/portes-ouvertes-maternite-douai/index.html", "2017/index.html", "index.html",
                 "2017/bilan/index.html", "partenariat/quiz/partenariat-patient/index.html"):
        indented = [line for line in real_site.text(path).splitlines() if line[:1] in (" ", "\t")]
        assert indented == [], (path, indented[:3])
    listing = real_site.html("2017/evenements/index.html")
    code = listing.select_one("pre.ssp-embed-code__code").get_text()
    assert "\n  document.querySelectorAll(" in code and "\n    if (frame.contentWindow" in code  # the pasted script, as written
