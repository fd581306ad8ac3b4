"""The live preview: rebuilds when campaigns change, and shows content problems in the browser."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from builds import engine, mkdocs_env
from helpers import EVENT, front_matter


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 60, status: int = 200) -> str:
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body, code = response.read().decode("utf-8"), response.status
            except urllib.error.HTTPError as error:  # a 404 page has a body too
                body, code = error.read().decode("utf-8"), error.code
            if text in body and code == status:
                return body
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"« {text} » never appeared at {url}; last body: {body[:500]}")


@pytest.fixture
def served(fixture_project):
    fixture_project.edition()
    fixture_project.event("x")
    port = free_port()
    process = subprocess.Popen(
        engine("serve", "-a", f"127.0.0.1:{port}"),
        cwd=fixture_project.root, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield fixture_project, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_preview_follows_edits_and_shows_problems(served):
    project, base = served
    wait_for(base + "2017/evenements/x/", "Portes ouvertes")

    project.event("x", EVENT.replace("title: Portes ouvertes", "title: Journée portes ouvertes de la maternité"))
    wait_for(base + "2017/evenements/x/", "Journée portes ouvertes de la maternité")

    template = project.root / "overrides" / "partials" / "ssp" / "event-page.html"
    template.write_text(template.read_text().replace("<h2>Présentation</h2>", "<h2>Description de l'action</h2>"))
    wait_for(base + "2017/evenements/x/", "<h2>Description de l'action</h2>")

    project.event("x", front_matter(start="2017-11-31"))
    page = wait_for(base, "Erreurs dans le contenu")
    assert "campaigns/2017/events/x.md:8" in page and "la date «\u00a02017-11-31\u00a0» n&#39;existe pas" in page
    for address in ("2017/evenements/x/", "2017/", "nulle-part/"):  # every address, the page being edited first
        page = wait_for(base + address, "Erreurs dans le contenu", status=404)
        assert "la date «\u00a02017-11-31\u00a0» n&#39;existe pas" in page and "data-ssp-preview-problems" in page
        assert "<title>Erreurs dans le contenu - " in page
        assert 'href="/assets/stylesheets/ssp.css' in page  # styled at any depth

    project.event("x", front_matter(programme="[" * 100_000 + "]" * 100_000))  # no crash, no hang
    page = wait_for(base, "imbrication trop profonde")
    assert "campaigns/2017/events/x.md:9" in page

    project.event("x")
    wait_for(base + "2017/evenements/x/", "Portes ouvertes")
    for host in ("evil.example", "evil.example:80", "127.0.0.1.evil.example", ""):  # DNS rebinding: never the drafts
        request = urllib.request.Request(base + "2017/evenements/x/", headers={"Host": host})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403 and "Portes ouvertes" not in refused.value.read().decode()
    for host in ("localhost", f"localhost:{base.rsplit(':', 1)[1].strip('/')}"):
        request = urllib.request.Request(base + "2017/evenements/x/", headers={"Host": host})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert "Portes ouvertes" in response.read().decode()

    project.event("y", EVENT.replace("title: Portes ouvertes", "title: Deuxième action"))
    wait_for(base + "2017/evenements/y/", "Deuxième action")
    (project.root / "campaigns/2017/events/x.md").unlink()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and 'href="x/"' in wait_for(base + "2017/evenements/", "Deuxième action"):
        time.sleep(0.3)
    listing = wait_for(base + "2017/evenements/", "Deuxième action")
    assert 'href="x/"' not in listing and 'href="y/"' in listing
    with pytest.raises(urllib.error.HTTPError) as gone:  # the preview keeps no page of a deleted event
        urllib.request.urlopen(base + "2017/evenements/x/", timeout=5)
    assert gone.value.code == 404


def test_the_page_being_edited_shows_the_problems_then_comes_back_by_itself(served, page):
    project, base = served
    wait_for(base + "2017/evenements/x/", "Portes ouvertes")
    project.event("x", front_matter(start="2017-11-31"))
    wait_for(base + "2017/evenements/x/", "Erreurs dans le contenu", status=404)
    page.goto(base + "2017/evenements/x/")  # the editor's open tab: MkDocs' 404 page, with our list
    assert "la date «\u00a02017-11-31\u00a0» n'existe pas" in page.locator("ol.ssp-problems").inner_text()
    project.event("x", EVENT.replace("title: Portes ouvertes", "title: Portes ouvertes corrigées"))
    page.wait_for_selector("h1:has-text('Portes ouvertes corrigées')", timeout=60_000)  # reloaded by itself


def test_an_editor_reads_the_problems_in_the_terminal_without_english_noise(fixture_project, tmp_path):
    """While content has problems, the preview shows them on the home page and on the menu's pages; the
    terminal says them in French, without MkDocs' warnings that the menu's pages are missing, nor its
    notes on the configuration file's name and on docs/ pages the menu does not name."""
    fixture_project.edition()
    fixture_project.event("x", front_matter(start="2017-11-31"))
    port, said = free_port(), tmp_path / "terminal.txt"
    with said.open("w") as terminal:
        process = subprocess.Popen(engine("serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"), cwd=fixture_project.root,
                                   env=mkdocs_env(), stdout=terminal, stderr=subprocess.STDOUT, text=True)
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for(base, "Erreurs dans le contenu")
            wait_for(base + "editions/", "Erreurs dans le contenu")  # a page the menu names
        finally:
            process.terminate()
            process.wait(timeout=20)
    output = said.read_text(encoding="utf-8")
    assert "campaigns/2017/events/x.md:8" in output and "n'existe pas" in output
    for noise in ("A reference to", "is included in the 'nav'", "not included in the \"nav\"", "should be renamed",
                  "but the target is not found"):
        assert noise not in output, noise
