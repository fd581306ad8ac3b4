"""Lists other sites frame: the code a hospital copies from the site, pasted into a page of another
origin (a second local port), in Debian's Chromium — each kind of list renders, fits its frame, and
leads to the site; on a 320 px phone too; never in the sitemap nor the search index."""

from __future__ import annotations

import gzip
import json
import time

import pytest

from checks import SiteServer, wait_until
from helpers import every, typeset

HOSPITAL = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Centre hospitalier — la semaine de la sécurité des patients</title></head>
<body><h1>Nos actions</h1>
{code}
<p>Pied de page de l'établissement.</p>
</body></html>
"""


def pasted_code(built, page: str) -> str:
    """The code « Intégrer sur votre site » shows on a page of the site, as a reader copies it."""
    return built.html(page).select_one(".ssp-embed-code__code").get_text()


@pytest.fixture
def hospital(tmp_path):
    """Another site (another origin: a second port), where the copied code is pasted."""
    servers = []

    def site(code: str) -> str:
        folder = tmp_path / f"hopital-{len(servers)}"
        folder.mkdir()
        (folder / "index.html").write_text(HOSPITAL.format(code=code), encoding="utf-8")
        servers.append(SiteServer(folder))
        return servers[-1].base
    yield site
    for server in servers:
        server.close()


def records(built) -> list[dict]:
    return json.loads(built.text("2030/evenements.json"))["events"]


# Each kind of list: the page of the site that offers its code, and the actions it must hold (by open-data record).
KINDS = {
    "france": ("2030/evenements/index.html", lambda record: True),
    "departement": ("2030/departements/974/index.html", lambda record: record["departement"] == "974"),
    "organisateur": ("2030/integrer/organisateur-ars-de-test/index.html", lambda record: record["organizer"] == "ARS de test"),
    "region": ("2030/evenements/index.html", lambda record: record["region"] == "Bretagne"),
}


def settled(outer, inner, timeout: float = 10) -> None:
    """Wait until the frame's height (outer) is the list's (inner): embed.js tells it again when it changes."""
    deadline = time.monotonic() + timeout
    while abs(outer() - inner()) > 2:
        assert time.monotonic() < deadline, f"the frame never fitted: {outer()} px for {inner()} px"
        time.sleep(0.05)


@pytest.mark.parametrize("kind", KINDS)
def test_a_pasted_list_renders_fits_and_leads_to_the_site(presented_site, hospital, page, kind):
    built, server = presented_site
    source, chosen = KINDS[kind]
    code = pasted_code(built, source)
    if kind == "region":  # the open-data page gives a region's address: the same code, another list
        code = code.replace("/integrer/france/", "/integrer/region-bretagne/")
    assert code.startswith(f'<iframe src="{server.base}2030/integrer/') and 'loading="lazy"' in code
    expected = {record["url"] for record in records(built) if chosen(record)}
    assert expected
    page.set_viewport_size({"width": 320, "height": 640})  # a phone: the frame is 300 px wide or so
    page.goto(hospital(code))
    frame_element = page.locator("iframe")
    assert frame_element.get_attribute("title").startswith("Actions de la Semaine de la sécurité des patients 2030 — ")
    wait_until(page, "document.querySelector('iframe').style.height !== ''")  # embed.js told the height
    frame = page.frame_locator("iframe")
    links = frame.locator(".ssp-embed__link")
    assert page.evaluate("document.querySelector('iframe').contentDocument === null")  # another origin: closed to this page
    assert {link.evaluate("a => a.href") for link in links.all()} == expected
    inner = page.frames[1]
    inner.wait_for_load_state("load")
    inner.evaluate("document.fonts.ready.then(() => true)")  # the font may still change the list's height: told again
    settled(lambda: frame_element.bounding_box()["height"], lambda: inner.evaluate("document.documentElement.scrollHeight"))
    sizes = inner.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth, innerHeight, innerWidth]")
    assert sizes[0] <= sizes[2] + 1, sizes  # it fits: no scroll inside the frame
    assert inner.evaluate("document.querySelector('.ssp-embed-code')") is None  # its code is for the site's own readers
    assert sizes[1] <= sizes[3] and sizes[3] <= 320, sizes  # and reads at its width
    assert frame_element.bounding_box()["height"] == pytest.approx(sizes[0], abs=2)
    first = links.first
    assert first.get_attribute("target") == "_blank" and first.get_attribute("rel") == "noopener"
    with page.context.expect_page() as opened:
        first.click()
    site_page = opened.value
    site_page.wait_for_load_state()
    assert site_page.url in expected and site_page.locator("h1").first.inner_text().startswith(first.inner_text().split(" (")[0])
    site_page.close()


def test_an_action_leads_its_organiser_to_its_list_and_code(gates_site, page):
    """Opened on its own, an organiser's list gives the code to frame it (framed, embed.js takes it out)."""
    built, server = gates_site
    link = built.html("2030/evenements/webinaire/index.html").select_one(".ssp-embed-link a")
    assert link.get_text() == "Intégrer les actions de «\u00a0ARS de test\u00a0» sur votre site"
    assert link["href"] == "../../integrer/organisateur-ars-de-test/"
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(server.base + "2030/integrer/organisateur-ars-de-test/")
    page.wait_for_load_state("networkidle")
    assert errors == []  # nothing it asks for is missing, its icon included
    assert page.locator(".ssp-embed-code__code").is_visible()  # open at once: that is what the organiser came for
    assert page.locator(".ssp-embed-code__code").inner_text().startswith(
        f'<iframe src="{server.base}2030/integrer/organisateur-ars-de-test/"')


def test_lists_are_made_for_each_place_and_organiser_and_kept_out_of_the_sitemap_and_search(gates_site):
    built, _ = gates_site
    lists = {path.parent.name for path in every(built.site.glob("2030/integrer/*/index.html"), 5)}
    assert {"france", "region-bretagne", "departement-974", "organisateur-ars-de-test"} <= lists
    assert len([name for name in lists if name.startswith("departement-")]) == 101  # an edition to come: every one
    assert "/integrer/" not in built.text("sitemap.xml")
    indexed = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["meta"]["url"]
               for path in every((built.site / "pagefind/fragment").glob("*.pf_fragment"), 20)]  # the pages' addresses
    assert "2030/evenements/" in {url[:len("2030/evenements/")] for url in indexed}
    assert not [url for url in indexed if "/integrer/" in url]
    empty = built.html("2030/integrer/departement-2a/index.html")
    assert "Aucune action publiée pour l'instant." in empty.get_text(" ", strip=True)
    assert empty.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_code_is_copied_with_one_press(gates_site, browser):
    built, server = gates_site
    context = browser.new_context(locale="fr-FR", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(server.base + "2030/departements/974/")
        page.get_by_text("Intégrer sur votre site").click()
        page.get_by_role("button", name="Copier le code").click()
        wait_until(page, "document.querySelector('.ssp-embed-code__said').textContent !== ''")
        assert page.locator(".ssp-embed-code__said").inner_text() == typeset("Code copié : collez-le dans une page de votre site.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == pasted_code(built, "2030/departements/974/index.html")
        assert copied.startswith(f'<iframe src="{server.base}2030/integrer/departement-974/"')
    finally:
        context.close()
