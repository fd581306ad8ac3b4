"""Gate 9: every page carries a Content-Security-Policy that holds in the browser with zero
violations (each template in test_pages.py), and a script slipped into a built page does not run."""

from __future__ import annotations

from checks import LISTEN, settle


def violations(page, url: str) -> list[str]:
    page.add_init_script(LISTEN)
    page.goto(url)
    settle(page)
    return page.evaluate("window.__csp")


def policy_of(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    [meta] = soup.select('meta[http-equiv="Content-Security-Policy"]')
    assert soup.select_one('meta[name="referrer"]')["content"] == "strict-origin-when-cross-origin"
    assert soup.head.find("meta") is soup.select_one("meta[charset]")  # the policy comes before any script
    return meta["content"]


def test_search_filters_and_quiz_run_under_the_policy(gates_site, page):
    _, server = gates_site
    assert violations(page, server.base + "recherche/?q=Douai") == []  # Pagefind's WebAssembly, on this page only
    page.wait_for_selector("[data-ssp-search-results] li", timeout=20_000)
    assert page.evaluate("window.__csp") == []
    page.goto(server.base + "2030/evenements/?type=atelier")  # the listing's filters, from the address
    settle(page)
    page.fill("#ssp-q", "expo")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__csp") == []
    page.goto(server.base + "partenariat/quiz/partenariat-patient/")
    settle(page)
    page.locator("input[type=radio] + label").first.click()
    assert page.evaluate("window.__csp") == []


def test_every_built_page_has_the_policy(presented_site):
    built, _ = presented_site
    pages = sorted(path for path in built.site.rglob("*.html") if "pagefind" not in path.parts)
    assert len(pages) > 30
    for path in pages:
        policy = policy_of(path.read_text(encoding="utf-8"))
        scripts = policy.split("script-src", 1)[1].split(";")[0]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
        assert ("'wasm-unsafe-eval'" in scripts) == (path == built.site / "recherche/index.html"), path
        for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"):
            assert directive in policy, (path, directive)


def test_a_script_slipped_into_a_built_page_does_not_run(gates_site, page):
    built, server = gates_site
    original = (built.site / "2017/evenements/portes-ouvertes-maternite-douai/index.html").read_text(encoding="utf-8")
    injected = original.replace("</article>", "<script>window.__pirate = 1</script>"
                                              "<img src=x onerror=\"window.__pirate2 = 1\"></article>", 1)
    assert injected != original
    target = built.site / "2017/evenements/injection/index.html"
    target.parent.mkdir()
    target.write_text(injected, encoding="utf-8")
    try:
        found = violations(page, server.base + "2017/evenements/injection/")
        ran = page.evaluate("[window.__pirate, window.__pirate2]")
    finally:  # the built site is shared with the other gates
        target.unlink()
        target.parent.rmdir()
    assert ran == [None, None]
    assert any(line.startswith("script-src-elem inline") for line in found)
    assert any(line.startswith("script-src-attr inline") for line in found)
