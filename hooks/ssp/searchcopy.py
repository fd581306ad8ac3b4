"""What the search index reads: each indexed page reduced to its title and its marked article.

Pagefind parses every HTML file it is given. A page of the site is three quarters frame (header,
navigation, footer, display settings) that the index leaves out anyway (`data-pagefind-body`
marks what it takes): parsing 10,000 frames cost more than half the index's time. So, as each
page is written, the part Pagefind reads is written again, alone, at the same place in a folder
beside the site (`folder`), and Pagefind reads that folder: same addresses, same words, same
excerpts, a third of the text to parse.
"""

from __future__ import annotations

import os
import re

MARK = "data-pagefind-body"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def folder(site_dir: str) -> str:
    """Where the copies of a build's pages are written: beside its output folder."""
    return site_dir.rstrip(os.sep) + ".recherche"


def reduced(html: str) -> str | None:
    """The page's title and marked article as a page of their own; None for a page not indexed."""
    mark = html.find(MARK)
    if mark < 0:
        return None
    start, end = html.rfind("<article", 0, mark), html.rfind("</article>")
    title = _TITLE.search(html, 0, start)
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title.group(1) if title else ""}</title>'
            f"</head><body>{html[start:end + len('</article>')]}</body></html>")


def write(site_dir: str, dest_path: str, html: str) -> None:
    """The reduced copy of the page written at `dest_path` (in `site_dir`), if the page is indexed."""
    if (copy := reduced(html)) is None:
        return
    path = os.path.join(folder(site_dir), os.path.relpath(dest_path, site_dir))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(copy)
