"""MkDocs hook: one search over every page, by Pagefind (PyPI `pagefind[extended]`, whose wheel
carries the binary: nothing is downloaded at build time).

Each page's article is marked `data-pagefind-body` as it is written (framed pages too: their frame
goes through on_post_page), so Pagefind indexes the content and never the header, navigation or
footer; the 404 page and the search page itself are left out. Each marked page is copied, reduced
to its title and article, into a folder beside the output (ssp.searchcopy: framed pages by the
processes writing them, MkDocs' own pages here as they are written). Then, before the complete site
takes site/'s place (atomic_output.py), Pagefind reads those copies and writes its index into the
output's pagefind/, cut into small parts: a reader's first search downloads only the parts its
words need. The live preview has no index (its search page says so): indexing on every save
would cost seconds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from ssp.api import link, page_source, searchcopy

ARTICLES = ('<article class="md-content__inner md-typeset"', '<article class="ssp-article"')  # Material's, the DSFR frame's
BUNDLE = link("search_bundle").strip("/")
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")  # Pagefind's own UIs: ours is search.js
state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


def on_pre_build(config) -> None:
    if state.get("command") == "build":
        searchcopy.start(config.site_dir)


def on_files(files, config):
    state["files"] = files  # the pages MkDocs writes itself (framed pages' frames are not among them)
    return files


POSTER_WEIGHT = "0.3"  # a poster repeats its action's page: found by « affiche », listed after the page


NOT_INDEXED = {page_source("search")}  # the search page itself: its hints (« affiche ») are no answer


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri in NOT_INDEXED:
        return output
    weight = f' data-pagefind-weight="{POSTER_WEIGHT}"' if page.file.src_uri.endswith("affiche.md") else ""
    for article in ARTICLES:
        if article in output:
            output = output.replace(article, f"{article} data-pagefind-body{weight}", 1)
            break
    if state.get("command") == "build" and state["files"].get_file_from_path(page.file.src_uri) is page.file:
        searchcopy.write(config.site_dir, page.file.abs_dest_path, output)  # a page MkDocs writes (a frame is not one)
    return output


@event_priority(-50)  # after every page is written (site.py, 50), before the site is published (atomic_output.py, -100)
def on_post_build(config) -> None:
    if state.get("command") != "build":
        return
    try:
        index(config.site_dir)
    finally:
        shutil.rmtree(searchcopy.folder(config.site_dir), ignore_errors=True)


def index(site_dir: str) -> None:
    """Pagefind's index of the built site's pages (their copies, ssp.searchcopy) in `site_dir`/pagefind/,
    French stemming (the pages say lang="fr")."""
    command = [sys.executable, "-m", "pagefind", "--site", searchcopy.folder(site_dir), "--output-path", str(Path(site_dir, BUNDLE)),
               "--force-language", "fr", "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"L'index de recherche (Pagefind) n'a pas pu être fait ; rien n'a été publié :\n"
                    f"{(result.stderr or result.stdout).strip()[-2000:]}")
    for path in Path(site_dir, BUNDLE).iterdir():
        if path.name.startswith(UNUSED) and path.suffix in (".js", ".css"):
            path.unlink()
