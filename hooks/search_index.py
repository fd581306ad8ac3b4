"""MkDocs hook: one search over every page, by Pagefind (PyPI `pagefind[extended]`, whose wheel
carries the binary: nothing is downloaded at build time).

Each page's article is marked `data-pagefind-body` as it is written (framed pages too: their frame
goes through on_post_page), so Pagefind indexes the content and never the header, navigation or
footer; the 404 page, the search page itself and the site map are left out. Each marked page is copied, reduced
to its title and article, into a folder beside the output (ssp.searchcopy: framed pages by the
processes writing them, MkDocs' own pages here as they are written). Then, before the complete site
takes site/'s place (atomic_output.py), Pagefind reads those copies and writes its index into the
output's pagefind/, cut into small parts: a reader's first search downloads only the parts its
words need (pagefind_run.py: site.py starts it as soon as the copies are written; it is waited for
here). The live preview has no index (its search page says so): indexing on every save would cost
seconds.
"""

from __future__ import annotations

import shutil

from mkdocs.plugins import event_priority

from pagefind_run import INDEXING
from ssp.api import edition_year, is_source_of, page_source, searchcopy

ARTICLES = ('<article class="md-content__inner md-typeset"', '<article class="ssp-article"')  # Material's, the DSFR frame's
state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


def on_pre_build(config) -> None:
    if state.get("command") == "build":
        state["site_dir"] = config.site_dir
        searchcopy.start(config.site_dir)


def on_files(files, config):
    state["files"] = files  # the pages MkDocs writes itself (framed pages' frames are not among them)
    state["newest"] = max((year for file in files if (year := edition_year(file.src_uri))), default=0)
    return files


POSTER_WEIGHT = 0.3  # an action's poster repeats its page: found by « affiche », listed after the page
# Each year older weighs 5 % less (down to half): at equal relevance, the newest edition's page first. Pagefind keeps a
# weight in coarse steps: with 3 %, neighbouring years tied (« bilan » on 15 editions: 2024, 2022, 2023, 2021…).
OLDER = 0.05


def weight(src_uri: str) -> str:
    """The page's weight in the search (Pagefind's data-pagefind-weight; 1 when none is said): a search
    for « affiche » or « bilan » lists the newest edition's first, an action's page before its poster
    (an edition's poster, a page of its own, keeps its weight)."""
    value = POSTER_WEIGHT if is_source_of("event_poster", src_uri) else 1.0
    if year := edition_year(src_uri):
        value *= max(0.5, 1 - OLDER * (state.get("newest", 0) - year))
    return "" if value == 1 else f' data-pagefind-weight="{value:.2f}"'


# The search page itself: its hints (« affiche ») are no answer. (The site map is found by its title only: its list,
# every page's title, is data-pagefind-ignore — it came before the pages it lists for « médicaments » or « bilan ».)
NOT_INDEXED = {page_source("search")}


def excluded(page) -> bool:
    """Left out of the index: the pages above, and any whose meta says `search: {exclude: true}` (Material's
    front matter, which a page of docs/ may use; the adapter says it of the pages.PageSpec not indexed)."""
    search = page.meta.get("search")
    return page.file.src_uri in NOT_INDEXED or (isinstance(search, dict) and search.get("exclude") is True)


def on_post_page(output: str, page, config) -> str:
    if excluded(page):
        return output
    for article in ARTICLES:
        if article in output:
            output = output.replace(article, f"{article} data-pagefind-body{weight(page.file.src_uri)}", 1)
            break
    if state.get("command") == "build" and state["files"].get_file_from_path(page.file.src_uri) is page.file:
        keywords = searchcopy.keywords(page.meta)  # a page of docs/ may name words that lead to it (ssp.folders.DOCS_SEARCH)
        searchcopy.write(config.site_dir, page.file.abs_dest_path, output, keywords)  # a page MkDocs writes (a frame is not one)
    return output


@event_priority(-50)  # after every page is written (site.py, 50), before the site is published (atomic_output.py, -100)
def on_post_build(config) -> None:
    if state.get("command") != "build":
        return
    try:
        INDEXING.finish(config.site_dir)
    finally:
        shutil.rmtree(searchcopy.folder(config.site_dir), ignore_errors=True)


def on_build_error(error) -> None:
    if state.get("command") == "build":
        INDEXING.stop()
        if "site_dir" in state:  # the copies of a build that stopped midway (a template error, a full disk…)
            shutil.rmtree(searchcopy.folder(state["site_dir"]), ignore_errors=True)
