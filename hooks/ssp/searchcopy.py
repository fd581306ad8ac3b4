"""What the search index reads: each indexed page reduced to its title and its marked article.

Pagefind parses every HTML file it is given. A page of the site is three quarters frame (header,
navigation, footer, display settings) that the index leaves out anyway (`data-pagefind-body`
marks what it takes): parsing 10,000 frames cost more than half the index's time. So, as each
page is written, the part Pagefind reads is written again, alone, in a folder beside the site
(`folder`), without what the index leaves out inside it (`data-pagefind-ignore`: cards, « Partager »),
and Pagefind reads that folder: same words, same excerpts, a ninth of the text to parse (5,000
actions: 14 MB instead of 120). The copies are side by side, one file each (a folder per copy, as
the site has, cost as much to make as Pagefind saved): each names its page's address, relative to
the site's root, in the metadata `url` (Pagefind's own for a result's address, read by
docs/assets/javascripts/search.js).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from functools import cache
from html import escape
from pathlib import Path

_MARKED = re.compile(r"<article\b[^>]*\sdata-pagefind-body\b")  # an element: text saying « data-pagefind-body » is escaped
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# The end of a cell, term, item or block right before the next tag: Pagefind would join the two texts into
# one word (« RégionHauts-de-France », table headers « RégionActions »); a line break keeps them apart.
_BLOCK_END = re.compile(r"(</(?:t[dh]|d[td]|li|p|div|h[1-6]|caption|figcaption)>)(?=<)")
_DETAILS = re.compile(r'<dl class="ssp-details">.*?</dl>', re.S)  # an action's facts (partials/ssp/event-details.html)
_BEFORE_CLOSING = re.compile(r"\s+(?=</(?:address|dd|a|li|ul)>)")
_BREAK = re.compile(r"\s*<br>\s*")
# the end tags ending a fact (its text, unless a sentence ends it, takes a full stop before them): « </ » first, a
# literal the search finds quickly (tried at each character, this took half of the facts' time)
_DD_END = re.compile(r"</(?<![.!?]</)(?:(?:address|a|li|ul)>(?:</(?:address|a|li|ul)>)*</)?dd>")
_IGNORE = "data-pagefind-ignore"
_IGNORED = re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\s{_IGNORE}\b[^>]*>")
_READ_EVEN_IGNORED = re.compile(r"data-pagefind-(?:meta|filter|sort|default-meta)\b")  # after a space (a literal first: found quickly)
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def folder(site_dir: str) -> str:
    """Where the copies of a build's pages are written: beside its output folder."""
    return site_dir.rstrip(os.sep) + ".recherche"


def start(site_dir: str) -> None:
    """An empty folder for the copies of the build writing `site_dir` (one a build stopped midway left is removed)."""
    shutil.rmtree(folder(site_dir), ignore_errors=True)
    os.makedirs(folder(site_dir))


def reduced(html: str, address: str, keywords: str = "") -> str | None:
    """The page's title and marked article as a page of their own, with its `address` (from the
    site's root: « 2026/evenements/…/ », « ./ » for the home page) and the `keywords` that lead to it
    (a page of docs/ says them: `search: keywords:`; a field weighed by search.js, not words of the page);
    None for a page not indexed."""
    marked = _MARKED.search(html)
    if not marked:
        return None
    start, end = marked.start(), html.rfind("</article>")
    article = _BLOCK_END.sub("\\1\n", _DETAILS.sub(_sentences, _unread(html[start:end + len("</article>")])))
    title = _TITLE.search(html, 0, start)
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title.group(1) if title else ""}</title>'
            f'</head><body><a href="{escape(address)}" data-pagefind-meta="url[href]"></a>'
            + (f'<p data-pagefind-meta="keywords">{escape(keywords)}</p>' if keywords else "")
            + f"{article}</body></html>")


def _unread(article: str) -> str:
    """The article without the elements the index leaves out (data-pagefind-ignore: cards, « Partager », the
    breadcrumb… half of an action's page, most of a département's), unless one holds what Pagefind reads even
    there (data-pagefind-meta, -filter, -sort: an action's « facts »): the same index, half the text to parse."""
    pieces, at = [], 0
    found = article.find(_IGNORE)
    while found != -1:
        tag = _tag_around(article, found)
        if tag is not None and tag.start() >= at:  # not inside an element already left out
            end = _end_of(article, tag)
            if not any(article[read.start() - 1].isspace() for read in _READ_EVEN_IGNORED.finditer(article, tag.start(), end)):
                pieces.append(article[at:tag.start()])
                at = end
        found = article.find(_IGNORE, max(found + 1, at))
    return "".join(pieces) + article[at:] if pieces else article


def _tag_around(html: str, found: int) -> re.Match | None:
    """The start tag whose attribute « data-pagefind-ignore » is at `found`, or None (the words in a text, or
    in another attribute's value). Found by str.find, then read: a regular expression trying every tag of the
    article took a third of the copies' time."""
    tag = html.rfind("<", 0, found)
    if tag == -1 or html.rfind(">", tag, found) != -1 or not html[found - 1].isspace():
        return None
    match = _IGNORED.match(html, tag)
    return match if match is not None and match.end() > found else None


def _end_of(html: str, start_tag: re.Match) -> int:
    """Where the element opened by `start_tag` ends (after its end tag; the same elements inside it counted)."""
    name, depth, at = start_tag.group(1).lower(), 1, start_tag.end()
    if name in _VOID:
        return at
    for tag in _tags(name).finditer(html, at):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


@cache
def _tags(name: str) -> re.Pattern:
    """Start and end tags of the elements named `name`."""
    return re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)


def _sentences(details: re.Match) -> str:
    """An action's facts said as sentences, for a result's excerpt: « Lieu : Service de maternité, Dechy (Nord).
    Organisateur : … », not « Lieu Service de maternité Dechy (Nord) Organisateur … » (same words indexed)."""
    said = _BREAK.sub(", ", _BEFORE_CLOSING.sub("", details.group(0))).replace("</li><li>", "\u202f;</li><li>")
    said = said.replace("</li></ul>, ", ",</li></ul>")  # a list's line breaks after its last item: the comma with it
    return _DD_END.sub(r".\g<0>", said.replace("</dt>", "\u00a0:</dt>"))


def keywords(meta: dict) -> str:
    """The words a page's header says lead to it (`search: keywords:`, checked by ssp.folders), as text: MkDocs
    reads « keywords: 2026 » as a number."""
    search = meta.get("search")
    words = search.get("keywords") if isinstance(search, dict) else None
    return str(words) if isinstance(words, (str, int, float)) and not isinstance(words, bool) else ""


def reserve(site_dir: str, dest_paths: list[str]) -> None:
    """Empty copies of the pages to be written at `dest_paths`, made now, one after the other in the order of
    their names. Pagefind reads the copies in the order the folder lists them, and its index depends on it; a
    folder on tmpfs or btrfs lists its files in the order they were made, which the processes writing
    pages in parallel would change from one build to the next (ext4 lists them by a hash of their names).
    write() fills a reserved copy in place, or removes it when its page turns out not to be indexed."""
    for path in sorted(_copy_path(site_dir, _rel(site_dir, dest_path)) for dest_path in dest_paths):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))  # 0.05 s for 6,500 copies


def write(site_dir: str, dest_path: str, html: str, keywords: str = "") -> None:
    """The reduced copy of the page written at `dest_path` (in `site_dir`), if the page is indexed (after start())."""
    rel = _rel(site_dir, dest_path)
    address = rel.removesuffix("index.html") or "./"
    if (copy := reduced(html, address, keywords)) is None:
        with contextlib.suppress(FileNotFoundError):  # reserved for a page that is not indexed after all
            os.remove(_copy_path(site_dir, rel))
        return
    with open(_copy_path(site_dir, rel), "w", encoding="utf-8") as file:
        file.write(copy)


def _rel(site_dir: str, dest_path: str) -> str:
    return Path(dest_path).relative_to(site_dir).as_posix()


def _copy_path(site_dir: str, rel: str) -> str:
    """Where the copy of the page at `rel` (from the site's root) is written."""
    return os.path.join(folder(site_dir), hashlib.sha256(rel.encode()).hexdigest()[:24] + ".html")
