"""The shape of the site does not change with its size: an event page stays the same size whatever N."""

from __future__ import annotations

import sys

from builds import NATIONAL_ACTIONS, NATIONAL_BEFORE, build, site_project
from helpers import ROOT, every, typeset

sys.path.insert(0, str(ROOT / "bench"))

from generate import generate


def event_page_sizes(tmp_path, events: int) -> dict[str, int]:
    project = site_project(tmp_path / str(events), campaigns=None)
    generate(project.root, events, editions=3)
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    pages = sorted(built.site.glob("*/evenements/action-*/index.html"))
    assert len(pages) == events
    return {page.parent.name: page.stat().st_size for page in pages}


def test_event_pages_do_not_grow_with_the_number_of_events(tmp_path):
    small, large = event_page_sizes(tmp_path, 30), event_page_sizes(tmp_path, 300)
    # The same first events exist in both sites (the generator is deterministic): same page, same size.
    common = sorted(set(small) & set(large))
    assert len(common) == 30
    assert all(abs(large[name] - small[name]) <= 64 for name in common), [
        (name, small[name], large[name]) for name in common if abs(large[name] - small[name]) > 64]
    assert max(large.values()) < 20 * 1024


def test_a_big_edition_is_listed_one_page_per_day_and_a_busy_day_over_several_pages(national_site, tmp_path, page):
    """A national edition of 2,000 actions over five days, eight times as many as a day page holds: its listing
    is one page per day (over LISTING_LIMIT), some days over several pages. The readers' journeys' and the listing
    at scale's build (conftest.national_site), made once for the whole test run: no build of its own."""
    from ssp.pages import DAY_PAGE_LIMIT, LISTING_LIMIT

    built, _ = national_site(NATIONAL_BEFORE)
    assert NATIONAL_ACTIONS > LISTING_LIMIT and NATIONAL_ACTIONS / 5 > DAY_PAGE_LIMIT
    one_page_per_day(built, tmp_path)
    busy_days(built, tmp_path, page)


def one_page_per_day(built, tmp_path):
    import shutil


    listing = built.html("2026/evenements/index.html")
    days = listing.select(".ssp-days-index a")
    assert [a["href"] for a in days] == [f"jour-2026-11-{day}/" for day in range(16, 21)]
    first = [card.a["href"] for card in listing.select("#ssp-static-list .ssp-card")]
    assert len(first) == 50  # the first results at once; every action on its day's page
    listed = set()
    for a in days:
        page = built.html(f"2026/evenements/{a['href']}index.html")
        pager = page.select_one(".ssp-pager")
        for other in pager.select("a[title][href]") if pager else []:  # a busy day's next pages (numbered links but this one)
            listed |= {card.a["href"] for card in built.html(f"2026/evenements/{other['href'].rsplit('/', 2)[-2]}/index.html").select(".ssp-card")}
        listed |= {card.a["href"] for card in page.select(".ssp-card")}
        assert (built.site / f"2026/evenements/{a['href']}index.html").stat().st_size < 300 * 1024
        if a == days[0]:
            assert [card.a["href"].removeprefix("../") for card in page.select(".ssp-card")][:50] == first
    assert len({href.removeprefix("../") for href in listed}) == NATIONAL_ACTIONS  # every event is on its day's pages
    assert built.html("2026/index.html").select(".ssp-days-index li")
    # A day's figure is the actions taking place that day, each once, on every page that gives it:
    # recounted from the open data (an action in two slots the same day counts once)
    import json
    from collections import defaultdict
    from datetime import date, timedelta

    recount = defaultdict(set)
    for record in json.loads(built.text("2026/evenements.json"))["events"]:
        first, last = date.fromisoformat(record["start"][:10]), date.fromisoformat((record["end"] or record["start"])[:10])
        for offset in range((last - first).days + 1):
            recount[first + timedelta(days=offset)].add(record["url"])
    expected = [len(actions) for _, actions in sorted(recount.items())]
    said = lambda items: [int(item.get_text().rsplit(":", 1)[1].split()[0].replace("\u202f", "")) for item in items]
    assert said(built.html("2026/index.html").select(".ssp-days-index li")) == expected
    assert said(listing.select(".ssp-days-index li")) == expected
    bilan = built.html("2026/bilan/index.html").select_one("#jours").find_parent("section")
    assert [int(td.get_text()) for td in bilan.select("tbody td")] == expected
    on_day_pages = [int(built.html(f"2026/evenements/{a['href']}index.html").select_one("article p").get_text().split()[0].replace("\u202f", ""))
                    for a in days]
    assert on_day_pages == expected
    # … and a place's figure the actions there: by region (the edition's map), by département (its page)
    records = json.loads(built.text("2026/evenements.json"))["events"]
    by_region, by_departement = defaultdict(set), defaultdict(set)
    for record in records:
        by_region[record["region"]].add(record["url"])
        by_departement[record["departement"]].add(record["url"])
    number = lambda text: int(text.replace("\u202f", "").split()[0])
    regions = {row.th.get_text(strip=True): int(row.td.get_text()) for row in built.html("2026/index.html").select(".ssp-map__table tbody tr")}
    assert {name: count for name, count in regions.items() if count} == {name: len(urls) for name, urls in by_region.items() if name}
    jumped = 0
    for path in every(built.site.glob("2026/departements/*/index.html"), 10):
        page = built.html(path.relative_to(built.site).as_posix())
        said_here, = [p.get_text() for p in page.select("article p") if "dans ce département" in p.get_text()]
        assert number(said_here) == len(by_departement[path.parent.name.upper()]), path
        # a long list on a phone: each day one tap away, with its actions' number (an action counted once a day)
        sections = page.select("section.ssp-day")
        jumps = page.select(".ssp-day-jumps a")
        if len(sections) > 1:
            assert [a["href"] for a in jumps] == [f"#{section.h2['id']}" for section in sections], path
            assert [number(a.parent.get_text().rsplit(":", 1)[-1].strip()) for a in jumps] == [
                len({card.a["href"] for card in section.select(".ssp-card")}) for section in sections], path
            jumped += 1
        else:
            assert not jumps, path
    assert jumped  # some of these départements have actions on several days
    assert number(listing.select_one(".ssp-follow p").get_text()) == len({record["url"] for record in records})
    from checks import vnu_errors  # the listing and day pages pass the HTML gate too (event pages: test_html.py)

    checked = tmp_path / "liste"
    shutil.copytree(built.site / "2026/evenements", checked, ignore=shutil.ignore_patterns("action-*", "*.json", "*.ics"))
    assert vnu_errors(checked) == []


def tree(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_build_over_several_processes_is_the_one_made_in_one(tmp_path):
    from ssp.parallel import MIN_ITEMS

    trees = {}
    for workers in ("1", "2"):
        project = site_project(tmp_path / workers, campaigns=None)
        generate(project.root, 2 * MIN_ITEMS + 50, editions=2)
        built = build(project.root, SSP_WORKERS=workers, SOURCE_DATE_EPOCH="1793491200")  # 1 Nov 2026: 2026's actions to come
        assert built.result.returncode == 0, built.result.stderr
        trees[workers] = tree(built.site)
    assert trees["1"].keys() == trees["2"].keys()
    assert len([path for path in trees["2"] if path.endswith("/partage.jpg")]) >= MIN_ITEMS  # drawn in the background (build.py)
    assert [path for path in trees["1"] if trees["1"][path] != trees["2"][path]] == []


def test_every_generated_event_is_in_its_page_listing_data_calendar_search_and_sitemap(tmp_path):
    import gzip
    import json

    from icalendar import Calendar

    project = site_project(tmp_path / "all", campaigns=None)
    generate(project.root, 250, editions=2)
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    sources = sorted(project.root.glob("campaigns/*/events/*.md"))
    assert len(sources) == 250
    search = {json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["meta"]["url"]
              for path in (built.site / "pagefind/fragment").glob("*.pf_fragment")}  # the pages Pagefind indexed (their address)
    sitemap = built.text("sitemap.xml")
    for year in ("2025", "2026"):
        slugs = {path.stem for path in sources if path.parts[-3] == year}
        listed = {a["href"].rstrip("/") for a in built.html(f"{year}/evenements/index.html").select(".ssp-card__title a")}
        data = {record["url"].rstrip("/").rsplit("/", 1)[1] for record in json.loads(built.text(f"{year}/evenements.json"))["events"]}
        calendar = {str(event["URL"]).rstrip("/").rsplit("/", 1)[1]
                    for event in Calendar.from_ical(built.text(f"{year}/agenda.ics")).walk("VEVENT")}
        assert listed == data == slugs
        assert calendar == slugs
        for slug in slugs:
            page = built.html(f"{year}/evenements/{slug}/index.html")
            assert " ".join(page.h1.get_text(" ").split()).startswith(page.find("meta", property="og:title")["content"])  # no-break spaces in the page only
            assert page.find("link", rel="canonical")["href"].endswith(f"/{year}/evenements/{slug}/")
            assert f"{year}/evenements/{slug}/" in search
            assert f"/{year}/evenements/{slug}/</loc>" in sitemap
            assert (built.site / f"{year}/evenements/{slug}.ics").is_file()
        # département pages are written into a shared frame too (hooks/framed_pages.py): found like MkDocs' own
        departements = sorted(built.site.glob(f"{year}/departements/*/index.html"))
        assert len(departements) > 10
        for path in departements:
            address = f"{year}/departements/{path.parent.name}/"
            page = built.html(path.relative_to(built.site).as_posix())
            assert page.h1.get_text() == typeset(page.title.get_text().split(" - ")[0]) == typeset(page.find("meta", property="og:title")["content"])
            assert page.find("link", rel="canonical")["href"].endswith(f"/{address}")
            assert address in search and f"/{address}</loc>" in sitemap


def busy_days(built, tmp_path, page):
    import shutil

    from checks import axe_violations, vnu_errors
    from ssp.pages import DAY_PAGE_LIMIT
    days = [a["href"] for a in built.html("2026/evenements/index.html").select(".ssp-days-index a")]
    listed, busy = [], 0
    for href in days:
        first = built.html(f"2026/evenements/{href}index.html")
        pager = first.select_one(".ssp-pager")
        pages = [href] + ([a["href"].rsplit("/", 2)[-2] + "/" for a in pager.select("a[title][href]")] if pager else [])
        busy += len(pages) > 1
        for number, page_href in enumerate(pages, start=1):
            day_page = built.html(f"2026/evenements/{page_href}index.html")
            cards = day_page.select(".ssp-card")
            assert 0 < len(cards) <= DAY_PAGE_LIMIT
            assert (built.site / f"2026/evenements/{page_href}index.html").stat().st_size < 300 * 1024
            if len(pages) > 1:
                current = day_page.select_one('.ssp-pager a[aria-current="page"]')  # the DSFR's pagination
                assert (current["title"], current.get_text(strip=True), current.get("href")) == (f"Page {number}", str(number), None)
                steps = {a.get_text(strip=True): a.get("href") for a in day_page.select(".ssp-pager a:not([title])")}
                assert list(steps) == ["Page précédente", "Page suivante"]
                assert (steps["Page précédente"] is None) == (number == 1) and (steps["Page suivante"] is None) == (number == len(pages))
                assert typeset(f"(page {number} sur {len(pages)})") in day_page.h1.get_text()
            listed += [card.a["href"] for card in cards]
    assert busy and len(set(listed)) == NATIONAL_ACTIONS  # every event (one card per slot) on its day's pages

    second = next(built.site.glob("2026/evenements/jour-*-2/index.html"))
    page.goto(second.as_uri())
    assert axe_violations(page) == []  # the pager passes the accessibility gate…
    current = page.locator('.ssp-pager a[aria-current="page"]').first  # drawn by the DSFR's pagination, in the site's stylesheet
    assert current.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    checked = tmp_path / "jours"
    for day in every(built.site.glob("2026/evenements/jour-*"), 2):
        shutil.copytree(day, checked / day.name)
    assert vnu_errors(checked) == []  # …and the HTML one
