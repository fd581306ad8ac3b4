"""The shape of the site does not change with its size: an event page stays the same size whatever N."""

from __future__ import annotations

import sys

from builds import build, site_project
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402


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


def test_a_big_edition_is_listed_one_page_per_day(tmp_path):
    from ssp.pages import LISTING_LIMIT

    project = site_project(tmp_path / "big", campaigns=None)
    generate(project.root, LISTING_LIMIT + 20, editions=1)
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    listing = built.html("2026/evenements/index.html")
    days = listing.select(".ssp-days-index a")
    assert [a["href"] for a in days] == [f"jour-2026-11-{day}/" for day in range(16, 21)]
    assert not listing.select("#ssp-static-list .ssp-card")
    listed = set()
    for a in days:
        page = built.html(f"2026/evenements/{a['href']}index.html")
        listed |= {card.a["href"] for card in page.select(".ssp-card")}
        assert (built.site / f"2026/evenements/{a['href']}index.html").stat().st_size < 300 * 1024
    assert len(listed) == LISTING_LIMIT + 20  # every event is on its day's page
    assert built.html("2026/index.html").select(".ssp-days-index li")
    from checks import vnu_errors  # the listing and day pages pass the HTML gate too

    assert vnu_errors(built.site / "2026" / "evenements") == []
