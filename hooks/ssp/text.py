"""Plain-text forms of content, for calendars, feeds, structured data and search; French spacing in pages."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

import nh3

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss",  # no accent to strip: spelt out
                           "’": " ", "‘": " "})  # a typographic apostrophe parts words as the straight one does


def slugify(text: str) -> str:
    """« Portes ouvertes à la maternité ! » → « portes-ouvertes-a-la-maternite », « Cœur d’or » → « coeur-d-or »"""
    ascii_text = unicodedata.normalize("NFKD", text.translate(LIGATURES)).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def one_line(text: str) -> str:
    """A text read on one line (a title, a place): line breaks and runs of spaces become one space."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Case, accents, spaces, hyphens and punctuation forgiven: « Hauts de France » → « hautsdefrance »."""
    return slugify(text).replace("-", "")


COMBINING = re.compile("[\u0300-\u036f]")
SPACES = re.compile(r"[\s\ufeff]+")  # what JavaScript's « \s » matches


def search_words(text: str) -> str:
    """What the listing's search looks in (filters.js): the text folded as filters.js folds a search (no
    accents, lower case), each word once — a searched word is found inside one word, so nothing is lost."""
    folded = COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()
    return " ".join(dict.fromkeys(word for word in SPACES.split(folded) if word))


OPENING = re.compile(r"«[ \t\r\n]+")


def french_spacing(page: str) -> str:
    """A page's HTML where the spaces inside « guillemets » are no-break spaces, as French typography
    wants: a phone's narrow lines no longer leave « or » alone at a line's end or start. Only the text
    is changed: never a tag, an attribute, a script, a style, code or a form's field. (Closing ones are
    found with str.find: a regular expression ending in « » » tries every space of the page, 30 times slower.)"""
    page = OPENING.sub(lambda match: "«\u00a0" if _in_text(page, match.start()) else match.group(), page)
    pieces, start, at = [], 0, page.find("»")
    while at != -1:
        space = at
        while space and page[space - 1] in " \t\r\n":
            space -= 1
        if space < at and _in_text(page, space):
            pieces += [page[start:space], "\u00a0"]
            start = at
        at = page.find("»", at + 1)
    return "".join(pieces) + page[start:] if pieces else page


def _in_text(page: str, at: int) -> bool:
    """Whether `at` is in the page's text: not inside a tag, a script or a style, nor right after the
    tag opening code, preformatted text or a form's field."""
    tag = page.rfind("<", 0, at)
    if tag > page.rfind(">", 0, at) or page.startswith(("pre", "code", "textarea"), tag + 1):
        return False
    return all(page.rfind("<" + name, 0, at) <= page.rfind("</" + name, 0, at) for name in ("script", "style"))


LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def plain(html_text: str, links: bool = False) -> str:
    """Sanitised HTML → readable text: paragraphs on their own lines, no tags, no entities; with
    `links`, each link's address follows its text (« le site (https://…) »)."""
    if links:
        html_text = LINK.sub(lambda match: match.group(2) if html.unescape(match.group(1)) in match.group(2)
                             else f"{match.group(2)} ({match.group(1)})", html_text)
    spaced = re.sub(r"</(p|li|h[2-6]|tr|div|blockquote)>|<br\s*/?>", "\n", html_text.replace("\n", " "))
    text = html.unescape(nh3.clean(spaced, tags=set()))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def summary(text: str, limit: int = 300) -> str:
    """The text, or its beginning cut after a whole word with « … » when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def script_json(value: Any) -> str:
    """JSON that can sit inside a <script> element: "<", ">" and "&" are escaped, so no text can close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def capfirst(text: str) -> str:
    """Upper-case the first letter only (str.capitalize lowers the rest: « la Réunion »)."""
    return text[:1].upper() + text[1:]
