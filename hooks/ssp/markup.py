"""Markdown written by editors → safe HTML (content is untrusted).

CommonMark (markdown-it-py, with tables): a well-defined syntax, forgiving for editors (a list
needs no blank line before it, two spaces nest it), and three times faster than
Python-Markdown on a national edition's thousands of descriptions.

`problems()` says everything a text holds that the site refuses, each with its lines: nesting deeper than the
sanitiser can take in bounded time (it is quadratic in depth) or than markdown-it renders (it drops
what lies deeper, in silence), direction overrides (`<bdo>`), refused characters written as
character references (`&#x202E;`), and whatever the page would lose without a word: an image, a
link that leads nowhere, HTML the sanitiser drops (a pasted video frame, a script, a style). The
loaders call it, so the verifier, the build and the preview refuse the same texts; `render()`
refuses them too, and sanitises what it renders, as a last guard.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote

import nh3
from linkify_it import LinkifyIt
from markdown_it import MarkdownIt

from .source import forbidden_message, refused_character

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Descriptions sit under the page's own <h1>: their headings start at <h2> (a « # » is moved down). No images: a
# description must not make readers' browsers fetch anything from another site. No direction overrides.
TAGS = (nh3.ALLOWED_TAGS - {"h1", "img", "bdo", "bdi"}) | {"details", "summary"}
ATTRIBUTES = {tag: names - {"dir"} for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
MAX_CHARACTERS = 100_000  # a Markdown text (about 30 pages): markdown-it takes 1.4 s on the worst such text (bench/hostile.py)
MAX_NESTING = 16  # levels of lists (two each), quotes, HTML elements: a description needs a handful
# markdown-it's own limit (its default), beyond which it drops content: a text is refused before. Its
# work on « [ » grows with this limit: raising it made the worst text of 100,000 characters 5× slower.
# No code block from indentation: a paragraph indented by its writer (four spaces, a tab in a cell) was shown as code.
_md = MarkdownIt("commonmark", {"maxNesting": 20, "linkify": True}).enable(["table", "linkify"]).disable("code")
# A list pasted from Word, its lines begun by « • » (« ◦ », « ▪ », or « o » and « § » and a tab, below it), which
# Markdown joined into one paragraph: read as a list written « - ». Not in a text with a code block (« ``` »).
_WORD_BULLET = re.compile(r"^([ \t]*)(?:[•◦▪‣·][ \t]+|[o§]\t[ \t]*)", re.M)


class _Addresses:
    """Addresses written bare in a text, made links (linkify-it-py): « https://… », « www.… », an e-mail address; not
    a name with a dot (« ch-lens.fr », « README.md »), nor « ftp:// » or « // » (the site links to neither). Given
    only the words that may hold one, each alone (an address holds no space), in pieces when a word holds many:
    linkify-it reads the rest of its text again after each address it finds (1,500 addresses in a text of 100,000
    characters took 5 s, 14,000 e-mail addresses 20 s)."""

    LONGEST, FEW = 500, 20  # a word holding more addresses than FEW is read LONGEST characters at a time at most

    def __init__(self) -> None:
        self._linkify = LinkifyIt().add("ftp:", None).add("//", None)
        self._last: tuple[str, list] = ("", [])

    def pretest(self, text: str) -> bool:
        return "://" in text or "@" in text or "www." in text.lower()

    def test(self, text: str) -> bool:
        return bool(self.match(text))

    def match(self, text: str) -> list:
        last_text, last_found = self._last  # one read: another thread may set it between two
        if last_text == text:  # markdown-it tests a text, then matches it
            return last_found
        found = []
        for word in _WORD.finditer(text):
            if not self.pretest(word.group()):
                continue
            for start, end in self._pieces(text, word.start(), word.end()):
                for link in self._linkify.match(text[start:end]) or ():
                    if link.schema or link.text.lower().startswith("www."):
                        link.index, link.last_index = link.index + start, link.last_index + start
                        found.append(link)
        self._last = (text, found)
        return found

    def _pieces(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """A word whole, or cut after a comma or a semicolon (addresses glued by them) when it holds many addresses."""
        word = text[start:end]
        if end - start <= self.LONGEST or word.count("@") + word.count("://") + word.lower().count("www.") <= self.FEW:
            yield start, end
            return
        while start < end:
            stop = min(end, start + self.LONGEST)
            if stop < end and (cut := max(text.rfind(",", start, stop), text.rfind(";", start, stop))) > start:
                stop = cut + 1
            yield start, stop
            start = stop


_WORD = re.compile(r"\S+")
_md.linkify = _Addresses()
_md.inline.ruler.disable("linkify")  # its search of a scheme before each « :// » reads the text back: the core rule above does it
# A table in a frame that scrolls on a narrow screen and that the keyboard reaches (a wide table with no link
# could not be scrolled without a mouse); the sanitiser keeps these values of these attributes only.
SCROLLING = '<div class="ssp-table-scroll" role="region" aria-label="Tableau" tabindex="0">'
_md.add_render_rule("table_open", lambda *_: f"{SCROLLING}<table>\n")
_md.add_render_rule("table_close", lambda *_: "</table></div>\n")
# A text whose headings start at « # » has them one level down (its page's title is the only <h1>): kept as
# headings, not left as bare text by the sanitiser, the text's own outline unchanged.
_md.add_render_rule("heading_open", lambda _, tokens, index, options, env: f"<h{_level(tokens[index], env)}>")
_md.add_render_rule("heading_close", lambda _, tokens, index, options, env: f"</h{_level(tokens[index], env)}>\n")


def _level(token, env: dict) -> int:
    return min(6, int(token.tag[1]) + env.get("shift", 0))


FRAME_VALUES = {"div": {"class": {"ssp-table-scroll"}, "role": {"region"}, "aria-label": {"Tableau"}, "tabindex": {"0"}}}
# HTML written in a text: opening tags that nest (void elements and those HTML closes by itself aside)
_NOT_NESTING = {"area", "br", "col", "hr", "img", "input", "wbr", "li", "p", "td", "th", "tr", "dt", "dd", "option",
                "rp", "rt", "source", "track", "meta", "link", "base", "embed", "param"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")  # never past a « < »: « <a » repeated stays linear
_DIRECTION = re.compile(r"<\s*(bdo|bdi)\b|\sdir\s*=", re.IGNORECASE)


class MarkupError(ValueError):
    """A text the site refuses: its first line in the text (1-based), every line with the same problem,
    and a French message."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.lines = [line]
        super().__init__(message)

    def lines_said(self, shift: int = 0) -> str:
        """« ligne 3 », « lignes 3, 5 et 9 », « lignes 3, 5, 9, … (40 en tout) »; `shift`: from the text's lines to its file's."""
        lines = [line + shift for line in self.lines]
        if len(lines) == 1:
            return f"ligne {lines[0]}"
        if len(lines) > SHOWN_LINES:
            return f"lignes {', '.join(map(str, lines[:SHOWN_LINES]))}, … ({len(lines)} en tout)"
        return f"lignes {', '.join(map(str, lines[:-1]))} et {lines[-1]}"

    def in_text(self) -> str:
        """The message and the lines of the text it is about (« (ligne 3 du texte) »; unsaid for line 1 only)."""
        return str(self) + (f" ({self.lines_said()} du texte)" if self.lines != [1] else "")

    def in_file(self, shift: int) -> str:
        """The message said at its first line of the file (the text starting `shift` lines down), with its other
        lines there when it has some (« (lignes 23 et 25) »)."""
        return str(self) + (f" ({self.lines_said(shift)})" if len(self.lines) > 1 else "")


SHOWN_LINES = 8  # of one problem's lines, those named
MAX_PROBLEMS = 10  # different problems said of one text; then « d'autres problèmes suivent »


def problems(text: str | None) -> tuple[MarkupError, ...]:
    """Everything the site refuses in a Markdown text, in the order of the text: a problem met on several
    lines (Word's « <o:p> » on each paragraph) is said once, with its lines."""
    return _checked(text)[1]


@lru_cache(maxsize=8)  # the loaders check a text (problems), then render it: parsed once
def _checked(text: str | None) -> tuple[tuple, tuple[MarkupError, ...]]:
    """(markdown-it's tokens, what the site refuses in the text)."""
    if not text or not text.strip():
        return (), ()
    if len(text) > MAX_CHARACTERS:
        return (), (MarkupError(text[:MAX_CHARACTERS].count("\n") + 1,
                                f"texte trop long : {MAX_CHARACTERS:,} caractères au plus (une trentaine de pages) ; ".replace(",", "\u202f")
                                + "raccourcissez-le, ou publiez le document complet comme support (PDF)"),)
    found: dict[str, MarkupError] = {}  # by message
    more: list[MarkupError] = []  # a problem past MAX_PROBLEMS

    def refuse(line: int, message: str) -> None:
        if (known := found.get(message)) is not None:
            known.lines.append(line)
        elif len(found) < MAX_PROBLEMS:
            found[message] = MarkupError(line, message)
        elif not more:
            more.append(MarkupError(line, "d'autres problèmes suivent dans ce texte : corrigez d'abord ceux-ci, "
                                          "puis relancez la vérification"))

    for number, written in enumerate(text.split("\n"), start=1):
        if "&" in written and (index := refused_character(html.unescape(written), "\t")) is not None:
            refuse(number, forbidden_message(html.unescape(written)[index]) + " (écrit sous la forme « &#…; »)")
        if "<" in written and _DIRECTION.search(written):
            refuse(number, "changement du sens d'écriture (balise <bdo> ou <bdi>, attribut dir) refusé : "
                           "il ferait lire le texte autrement qu'il n'est écrit ; retirez-le")
    tokens = _md.parse(text if "```" in text or "~~~" in text else _WORD_BULLET.sub(r"\1- ", text))
    depth, line = 0, 1  # of the HTML elements written in the text, carried from one block to the next; a closing token's line
    for token in tokens:
        line = token.map[0] + 1 if token.map else line
        level = max([token.level] + [child.level for child in token.children or ()])
        raw = token.content if token.type in ("html_block", "html_inline") else "".join(
            child.content for child in token.children or () if child.type == "html_inline")
        depth, deepest = _html_depth(raw, depth)
        if level + deepest > MAX_NESTING:
            refuse(line, f"imbrication trop profonde (plus de {MAX_NESTING} niveaux de listes, de citations ou "
                         "de balises) : simplifiez la mise en forme")
        if token.type == "html_block":
            for where, message in _html_problems(token.content, line):
                refuse(where, message)
        elif token.type == "inline":
            for where, message in _target_problems(token):
                refuse(where, message)
    for error in found.values():
        error.lines = sorted(set(error.lines))
        error.line = error.lines[0]
    return tuple(tokens), tuple(sorted(found.values(), key=lambda error: error.line)) + tuple(more)


def _target_problems(inline) -> Iterator[tuple[int, str]]:
    """An image or a link written in Markdown that the page would lose in silence: the sanitiser drops
    an image (nothing is fetched from elsewhere) and a link of another scheme; a relative link (« programme.pdf »)
    would lead nowhere, no file being published beside a text. HTML written in the line: _html_problems."""
    line = inline.map[0] + 1 if inline.map else 1
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            yield line, _image_message(child.attrs.get("src", ""))
        elif child.type == "link_open":
            if refused := _link_problem(str(child.attrs.get("href", ""))):
                yield line, refused
        elif child.type == "html_inline":
            yield from _html_problems(child.content, line)
        elif child.type == "text" and (shown := _REFUSED_LINK.search(child.content)):  # markdown-it shows it as text
            href = shown.group(1) or shown.group(2)
            while href.endswith(")") and href.count(")") > href.count("("):  # the link's own closing parenthesis
                href = href[:-1]
            yield line, _link_message(href)


# Links markdown-it does not make (it leaves « [texte](javascript:…) » as text): said rather than shown
_REFUSED_LINK = re.compile(r"\]\(\s*<?\s*((?:javascript|vbscript|file|data):[^\s>]*)|<((?:javascript|vbscript|file|data):[^>\s]*)>",
                           re.IGNORECASE)


def _image_message(source: str) -> str:
    return (f"image « {source} » : un texte du site ne montre pas d'image (le site ne charge rien d'un autre site et ne "
            "publie pas de fichier placé à côté) ; retirez-la, ou écrivez un lien vers la page qui la montre : [texte](https://…)")


def _link_problem(written: str) -> str | None:
    href = unquote(written).strip()  # as written: markdown-it escapes it (« \\ » → %5C)
    scheme = href.split(":", 1)[0].lower() if ":" in href.split("/", 1)[0] else ""
    return None if href.startswith("#") or scheme in URL_SCHEMES else _link_message(href)


def _link_message(href: str) -> str:
    scheme = href.split(":", 1)[0] if ":" in href.split("/", 1)[0] else ""
    if len(scheme) < 2:  # none, or « C: », a disk
        return (f"lien « {href} » : écrivez une adresse complète, commençant par https:// (ou mailto:, tel:) ; "
                "un fichier placé à côté de ce texte n'est pas publié")
    return f"lien « {href} » refusé : seules les adresses commençant par http://, https://, mailto: ou tel: sont acceptées"


# HTML written in a text, which the sanitiser would drop (render()): said, with its line, rather than lost in silence.
_FRAMES = {"iframe", "frame", "frameset", "object", "embed", "video", "audio", "source", "track", "picture", "canvas",
           "svg", "math", "map", "area"}
_ACTIVE = {"script", "noscript", "style", "template", "link", "meta", "base", "form", "input", "button", "select",
           "option", "textarea", "label", "fieldset", "dialog"}
_GENERIC = {"lang", "title"}  # what nh3 keeps on every element
_LOOKS = {"style", "class", "color", "face", "size", "bgcolor"}


# Read in one pass, never backwards (the standard library's HTMLParser took 55 s on « <a » repeated 50,000 times
# and raised an AssertionError on « <![ »): a tag runs to the next « < » or « > » outside quotes, a quoted value
# left open to the end of the text, as a browser reads them.
_COMMENT = re.compile(r"<!--(?:.*?-->|.*)", re.DOTALL)
_START_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9:-]*)((?:[^<>"']|"[^"]*"?|'[^']*'?)*)""")  # « o:p », as Word writes it
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s<>]*))?""")


def _start_tags(raw: str) -> Iterator[tuple[str, list[tuple[str, str]], int]]:
    """The start tags of some HTML, as a browser reads them: (name, attributes, line in it), names in lower case."""
    raw = _COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), raw)  # what a comment hides is not shown
    line, counted = 1, 0
    for tag in _START_TAG.finditer(raw):
        line, counted = line + raw.count("\n", counted, tag.start()), tag.start()
        yield (tag.group(1).lower(), [(name.lower(), html.unescape(value.strip("\"'")))
                                      for name, value in _ATTRIBUTE.findall(tag.group(2))], line)


def _html_problems(raw: str, line: int) -> Iterator[tuple[int, str]]:
    """HTML written in a text: each element or attribute the sanitiser would drop, with its line and what to write."""
    for tag, attributes, offset in _start_tags(raw):
        where = line + offset - 1
        if refused := _tag_problem(tag, attributes):
            yield where, refused
            continue
        for name, value in attributes:
            if name.startswith("on"):
                yield where, f"attribut {name} refusé : un texte du site ne lance pas de programme ; retirez-le"
            elif not (name in ATTRIBUTES.get(tag, ()) or name in _GENERIC or value in FRAME_VALUES.get(tag, {}).get(name, ())):
                yield where, (f"attribut « {name} » de <{tag}> non pris en charge : le site le retirerait ; retirez-le"
                              + (" (pour mettre en valeur, écrivez **gras**)" if name in _LOOKS else ""))
            elif name == "href" and (refused := _link_problem(value or "")):
                yield where, refused


def _tag_problem(tag: str, attributes: list[tuple[str, str]]) -> str | None:
    if tag == "img":
        return _image_message(dict(attributes).get("src") or "")
    if tag in _FRAMES:
        return (f"contenu intégré <{tag}> refusé : le site ne charge rien d'un autre site (vidéo, carte, lecteur) ; "
                "retirez-le et écrivez un lien vers sa page : [Voir la vidéo](https://…)")
    if tag in _ACTIVE:
        return (f"balise <{tag}> refusée : un texte du site ne contient ni programme, ni style, ni formulaire ; "
                "retirez-la (pour une inscription, un lien : [S'inscrire](https://…))")
    if tag == "h1":
        return "titre <h1> refusé : la page a déjà le sien ; pour un titre dans le texte, écrivez « ## Titre »"
    if tag not in TAGS:
        return f"balise <{tag}> inconnue du site : elle serait retirée ; retirez-la et gardez son texte (pour le mettre en valeur : **gras**)"
    return None


# ![texte](adresse "titre"); no part runs past the next image's « [ », « < » or « ( »: one pass, never backwards
# (« ![ » repeated 50,000 times took 5.6 s, each read to the end of the text)
IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(\s*(?:<([^<>\n]*)>|([^()\s]*))(?:\s+[\"'(][^()\n]*)?\)")


def kept_line_breaks(text: str) -> str:
    """A text typed in a spreadsheet's cell, whose line breaks are meant (no one wraps lines there): each line
    break inside a paragraph becomes a hard break, « \\ » ending its line, which the page shows (Markdown joins a
    paragraph's lines: « 9 h : accueil », « 10 h : visite » were shown on one line). A paragraph with a code span or
    HTML over two lines, or a text the site refuses, is left as written."""
    tokens, refused = _checked(text) if "\n" in text else ((), ())
    if not tokens or refused:
        return text
    lines = text.split("\n")
    for token in tokens:  # parsed once, for the check and here
        if token.type != "inline" or not token.map:
            continue
        first, end = token.map
        breaks = [child.type == "softbreak" for child in token.children or () if child.type in ("softbreak", "hardbreak")]
        if len(breaks) == end - first - 1:  # each line of the paragraph ends with a break: none hides in a code span
            for number, soft in enumerate(breaks, start=first):
                if soft:
                    lines[number] = lines[number].rstrip() + "\\"
    return "\n".join(lines)


def without_images(text: str) -> tuple[str, list[str]]:
    """A text brought from another system (an OpenAgenda export) without its Markdown images, which a
    text of the site does not show, and their addresses (said in the import's report)."""
    sources = [match.group(1) or match.group(2) for match in IMAGE.finditer(text)]
    return (IMAGE.sub("", text) if sources else text), sources


def _html_depth(raw: str, depth: int) -> tuple[int, int]:
    """(depth after, deepest) of the HTML elements written in `raw`, from `depth`: counted without
    parsing, in one pass."""
    deepest = depth
    for closing, name, self_closing in _TAG.findall(raw) if "<" in raw else ():
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return depth, deepest


def render(text: str | None) -> str:
    """Convert Markdown, then sanitise: no script, no on* attribute, no javascript: URL, no direction override."""
    tokens, refused = _checked(text)
    if refused:
        raise refused[0]
    if not tokens:
        return ""
    shift = int(any(token.type == "heading_open" and token.tag == "h1" for token in tokens))
    return sanitised(_md.renderer.render(list(tokens), _md.options, {"shift": shift}).rstrip("\n"))


# Each sanitiser made once (nh3.clean converts its settings at each call: three quarters of its time on a description).
_SANITISER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, tag_attribute_values=FRAME_VALUES, url_schemes=URL_SCHEMES,
                         link_rel="noopener noreferrer")


def sanitised(html_text: str) -> str:
    """The last guard, whatever problems() let through: no script, no on* attribute, no javascript: URL."""
    return _SANITISER.clean(html_text)


# The pages of docs/ (legal pages, written by the team in Material's Markdown): the same sanitiser,
# with the elements and attributes Material's extensions write (heading anchors, admonitions, tables).
PAGE_TAGS = (nh3.ALLOWED_TAGS - {"img", "bdo", "bdi"}) | {"details", "summary", "section", "abbr"}
PAGE_ATTRIBUTES = {**ATTRIBUTES, "*": {"class", "id", "title", "lang"}, "a": {"href", "hreflang", "title"}}


_PAGE_SANITISER = nh3.Cleaner(tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def clean_page(html_text: str) -> str:
    """A page of docs/ once rendered: no script, no element that redirects or loads anything."""
    return _PAGE_SANITISER.clean(html_text)
