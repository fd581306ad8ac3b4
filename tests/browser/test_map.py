"""The map of regions in Chromium: each region a link to the listing filtered on it, by mouse or keyboard."""

from __future__ import annotations


def test_map_regions_are_named_links_and_a_table_repeats_them(real_site):
    soup = real_site.html("2017/index.html")
    links = soup.select(".ssp-map svg a")
    assert len(links) == 18
    labels = {a["aria-label"] for a in links}
    assert "Occitanie : 1 action" in labels and "Corse : 0 action" in labels
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in soup.select(".ssp-map__table tbody tr")}
    assert rows["Hauts-de-France"] == "1" and len(rows) == 18


def test_clicking_a_region_opens_the_filtered_listing(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/")
    page.click(".ssp-map a[aria-label^='La Réunion']")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert "region=La%20R%C3%A9union" in page.url or "region=La+R%C3%A9union" in page.url
    assert set(page.locator("#ssp-results .ssp-card__title a").all_inner_texts()) == {"Chambre des erreurs (test)"}


def test_a_region_is_reached_and_opened_with_the_keyboard(gates_site, page):
    _, server = gates_site
    page.goto(server.base + "2030/")
    page.focus(".ssp-map a[aria-label^='Bretagne']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#ssp-filters:not([hidden])")
    assert page.input_value("#ssp-region") == "Bretagne"
