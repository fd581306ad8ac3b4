"""« Partager cette action » in Debian's Chromium, in both presentations: the system's share sheet
where the browser has one, « Copier le lien », e-mail and plain links to the networks' share pages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from checks import axe_violations, wait_until
from helpers import typeset

EVENT = "2030/evenements/exposition-semaine/"
TITLE = "Exposition toute la semaine (test)"


def test_an_action_is_shared_by_plain_links_that_carry_its_address(presented_site):
    built, server = presented_site
    share = built.html(EVENT + "index.html").select_one(".ssp-share")
    address = server.base + EVENT
    links = {a.get_text(strip=True): a["href"] for a in share.select("a")}
    assert list(links) == ["Envoyer par courriel", "Facebook", "LinkedIn", "Bluesky", "X"]
    mail = urlsplit(links["Envoyer par courriel"])
    assert mail.scheme == "mailto" and parse_qs(mail.query) == {"subject": [TITLE], "body": [address]}
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"] == [address]
    assert parse_qs(urlsplit(links["LinkedIn"]).query)["url"] == [address]
    assert parse_qs(urlsplit(links["Bluesky"]).query)["text"] == [f"{TITLE} {address}"]
    assert parse_qs(urlsplit(links["X"]).query) == {"text": [TITLE], "url": [address]}
    assert all(a.get("rel") == ["noopener", "noreferrer"] and not a.get("target") for a in share.select("a[href^=https]"))


def test_copy_the_link_and_the_share_sheet(presented_site, browser):
    _, server = presented_site
    context = browser.new_context(locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    # A phone's browser has navigator.share; this one does not: a stand-in records what it is given.
    context.add_init_script("navigator.share = function (data) { window.sspShared = data; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(server.base + EVENT)
    page.get_by_role("button", name="Copier le lien").click()
    wait_until(page, "document.querySelector('.ssp-share__said').textContent !== ''")
    assert page.locator(".ssp-share__said").inner_text() == typeset(f"Lien copié : {server.base + EVENT}")
    assert page.evaluate("navigator.clipboard.readText()") == server.base + EVENT
    page.get_by_role("button", name="Partager…").click()
    assert page.evaluate("window.sspShared") == {"title": TITLE, "url": server.base + EVENT}
    assert axe_violations(page) == []
    context.close()


def test_without_the_share_sheet_its_button_is_not_shown(gates_site, page):
    _, server = gates_site
    page.goto(server.base + EVENT)
    page.wait_for_load_state("load")
    assert page.evaluate("'share' in navigator") is False  # desktop Chromium on Linux has none
    assert page.get_by_role("button", name="Partager…").count() == 0
    assert page.get_by_role("button", name="Copier le lien").is_visible()
