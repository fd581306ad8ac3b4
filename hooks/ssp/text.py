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


SLUG_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str) -> str:
    """« Portes ouvertes à la maternité ! » → « portes-ouvertes-a-la-maternite », « Cœur d’or » → « coeur-d-or »"""
    if not text.isascii():  # (the 37,000 communes' names are folded at each build: most are ASCII)
        text = unicodedata.normalize("NFKD", text.translate(LIGATURES)).encode("ascii", "ignore").decode()
    return "-".join(SLUG_WORD.findall(text.lower()))


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
BEFORE = "»:;!?"  # what French writes after a space that must not break
# A number and its word: « 21 actions », « 1er mai » (the lookahead gives up at once on a digit followed by none of
# them: four times quicker on a page of calendar links or a poster's QR code, full of digits)
NUMBER = re.compile(r"[0-9](?=[ \t\r\ner])(?:er|re|es|e)?([ \t\r\n]+)(?=[^\W\d_])")
NUMBERED = re.compile(r"[nN]°([ \t\r\n]+)(?=[0-9])")  # « n° 3 » (tried where str.find finds a « ° »: one regex for both is twice slower)
# Elements whose text is code, or a drawing, whose lines never wrap (a poster's QR code: 2,000 digits that NUMBER
# tried one by one, more than half of a poster's time here)
RAW = re.compile(r"<(script|style|svg)\b.*?</\1\s*>", re.S | re.I)


def french_spacing(page: str) -> str:
    """A page's HTML where the spaces inside « guillemets », before « : », « ; », « ! », « ? », between
    a number and the word after it, and after « n° » are no-break spaces, as French typography wants:
    a phone's narrow lines, or a printed poster's, no longer begin with « » » or « : », nor end with
    « » or with « 21 » whose « actions » begin the next. Only the text is changed: never a tag, an
    attribute, a script, a style, a drawing (SVG), code or a form's field. (Marks are found with str.find: a regular
    expression ending in one tries every space of the page, 30 times slower.)"""
    code = [match.span() for match in RAW.finditer(page)]
    spaces = []  # (start, end) of each run, found between the code
    for start, end in zip([0] + [end for _, end in code], [start for start, _ in code] + [len(page)]):
        spaces += [(match.start() + 1, match.end()) for match in OPENING.finditer(page, start, end)]
        spaces += [match.span(1) for match in NUMBER.finditer(page, start, end)]
    at = page.find("°")
    while at != -1:
        if (numbered := NUMBERED.match(page, at - 1)) is not None:
            spaces.append(numbered.span(1))
        at = page.find("°", at + 1)
    for mark in BEFORE:
        at = page.find(mark)
        while at != -1:
            space = at
            while space and page[space - 1] in " \t\r\n":
                space -= 1
            if space < at and (mark == "»" or page[at + 1:at + 2] in ("", " ", "\n", "<", "\u00a0")):
                spaces.append((space, at))  # « ? » ends a clause: not in « https://…?a=1 » nor « a :b »
            at = page.find(mark, at + 1)
    if not spaces:
        return page
    pieces, start = [], 0
    for space, end in sorted(spaces):
        if _in_text(page, space, code):
            pieces += [page[start:space], "\u00a0"]
            start = end
    return "".join(pieces) + page[start:]


def french_spaced(text: str) -> str:
    """Plain text with the no-break spaces french_spacing gives a page's text (for text drawn in a picture)."""
    return html.unescape(french_spacing(html.escape(text, quote=False)))


def _in_text(page: str, at: int, code: list[tuple[int, int]]) -> bool:
    """Whether `at` is in the page's text: not inside a tag, a script, a style or a drawing (`code`: their spans),
    nor right after the tag opening code, preformatted text or a form's field (an option without a value
    attribute has its text as value: the filters of project sheets compare it with the cards' data)."""
    tag = page.rfind("<", 0, at)
    if tag > page.rfind(">", 0, at) or page.startswith(("pre", "code", "textarea", "option"), tag + 1):
        return False
    return not any(start <= at < end for start, end in code)


LINK = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_NO_TAGS = nh3.Cleaner(tags=set())  # made once: nh3.clean converts its settings at each call


def plain(html_text: str, links: bool = False) -> str:
    """Sanitised HTML → readable text: paragraphs on their own lines, no tags, no entities; with
    `links`, each link's address follows its text (« le site (https://…) »)."""
    if links:
        html_text = LINK.sub(lambda match: match.group(2) if _says(html.unescape(match.group(1)), match.group(2))
                             else f"{match.group(2)} ({match.group(1)})", html_text)
    spaced = re.sub(r"</(p|li|h[2-6]|tr|div|blockquote)>|<br\s*/?>", "\n", html_text.replace("\n", " "))
    text = html.unescape(_NO_TAGS.clean(spaced))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _says(address: str, text: str) -> bool:
    """Whether a link's text already says its address (« www.a.fr » of http://www.a.fr, « a@b.fr » of mailto:a@b.fr)."""
    return any(form in text for form in (address, address.split("://", 1)[-1], address.removeprefix("mailto:")))


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
