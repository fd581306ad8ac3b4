"""Event, day, département and poster pages, and the lists other sites frame, written from a frame
shared by the pages of their folder.

These pages sit in a few folders (<year>/evenements/, <year>/departements/; an event's poster at
<year>/evenements/<slug>/affiche/) outside the navigation, so the presentation's frame (DSFR or Material) — head, header,
navigation, footer, scripts — is the same for all pages of a folder but for the title,
description and address. The frame is rendered once per folder and build (overrides/frame.html)
with markers in those places; each page is that frame with its own parts put in (the partials
its view names), instead of a whole theme render per page. Sitemap lines are what MkDocs
would have made; the search index is made from the written pages (search_index.py).
"""

from __future__ import annotations

import hashlib
import re
import traceback
from collections import ChainMap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from ssp.api import WorkerLost, french_spacing, searchcopy, start_map

FRAME_NAME = "cadre-commun"  # the frame is rendered as a page of that name, never written
SLOTS = ("title", "description", "url", "head", "body")
MARKER = "ssp-slot-{}-7e3f1c"
MARKERS = re.compile("(" + "|".join(re.escape(MARKER.format(slot)) for slot in SLOTS) + ")")
KINDS = "Les pages d'actions, de jours, de départements, les affiches et les listes à intégrer"


def fingerprint(folder: Path) -> str:
    """Changes whenever a template of `folder` does."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.html")):
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class FramedPages:
    """The framed pages of one build: their addresses as soon as the files are known (for the
    sitemap), then the pages themselves, written while MkDocs renders its own pages."""

    def __init__(self, config, env, nav, files, specs, templates: str, cache, site):
        self.config, self.env, self.nav, self.files, self.templates = config, env, nav, files, templates
        self.cache = cache  # ssp.cache.Cache: what the previous build of the preview made
        base = config.site_url and config.site_url.rstrip("/") + "/"  # as MkDocs makes canonical addresses
        self.pages = []
        for spec in specs:
            file = cache.get(("file", spec.src_uri, config.site_dir, config.use_directory_urls),
                             lambda: File(spec.src_uri, None, config.site_dir, config.use_directory_urls))  # noqa: B023 (called at once)
            canonical = spec.view.original() or file.url  # a printable copy names its original (views.View.original)
            self.pages.append((spec, file, base + canonical if base else canonical))  # as urljoin would: both are relative
        self.today, changed = site.today, site.changed
        # (address, date of the event file's last commit or None): the sitemap's lines (neither the pages made to be
        # framed by other sites nor printable copies)
        self.addresses = [(address, changed.get(spec.view.source)) for spec, _, address in self.pages
                          if spec.view.listed and not spec.view.original()]

    def start(self, workers: int = 1, writer=None, files: Sequence[tuple[str, bytes]] = (), search_copies: bool = False) -> None:
        """Start writing every page, and `files` (path, content), over `workers` processes in the
        background: MkDocs renders its own pages meanwhile. With a `writer` (the live preview),
        pages showing one event are kept in the cache, made again only when it, the frame or a
        template changed, and handed with the files to `writer` by finish(). With `search_copies`
        (a build), each indexed page's copy for the search index is written too (ssp.searchcopy)."""
        frames = {frame_of(spec): spec.template for spec, _, _ in self.pages}  # a folder's pages share one template
        partials = {name for spec, _, _ in self.pages for name in (spec.view.head, spec.view.body) if name}
        job = PageJob({uri: self._frame(uri, template) for uri, template in sorted(frames.items())},
                      {name: self.env.get_template(name) for name in partials}, self.templates,
                      self.today, keep=writer is not None,
                      search_copies=self.config.site_dir if search_copies else "")
        checked = set()  # the contract, checked on one page of each kind: every frame comes from the same templates
        for spec, _, address in self.pages:
            if spec.view.body not in checked:
                checked.add(spec.view.body)
                frame, context, _ = job.frames[frame_of(spec)]
                self._check_splice(spec, address, frame, page_parts(job, spec, address, context))
        if writer:
            job.kept = {key for spec, _, address in self.pages if (key := job.key(spec, address)) and self.cache.has(key)}
        if search_copies:  # made here in a set order: the index depends on the order the folder lists them
            try:
                searchcopy.reserve(self.config.site_dir, [file.abs_dest_path for spec, file, _ in self.pages if spec.searched])
            except OSError as error:
                raise WorkerLost("copies des pages pour l'index de recherche", failed=error) from None
        # The pages the search index reads first: it begins while the others are written (finish).
        pages = sorted(self.pages, key=lambda page: not page[0].searched)
        indexed = sum(spec.searched for spec, _, _ in pages)
        results = start_map(write_page, job, pages + list(files), workers, "écriture des pages d'actions", idle_from=indexed)

        def finish(then: Callable[[], object]) -> None:
            results.wait_for(indexed)
            then()
            for (spec, file, address), content in zip(pages, results()):
                if writer:
                    key = job.key(spec, address)
                    writer(file.abs_dest_path, self.cache.get(key, lambda: content) if key else content)  # noqa: B023 (called at once)
            for path, content in files if writer else ():
                writer(path, content)
        self._finish = finish

    def finish(self, indexed: Callable[[], object] = lambda: None) -> None:
        """Wait for the pages to be written; call `indexed` as soon as those the search index reads are."""
        self._finish(indexed)

    def _render(self, uri: str, meta: dict, slots: dict, canonical_url: str | None, template: str) -> tuple[str, Any]:
        """The frame's `template` (overrides/frame.html, embed.html) as MkDocs would render the page `uri`:
        through the theme, then every plugin's on_post_page; the templates' indentation taken out (2.5 KB a page)."""
        config = self.config
        page = Page(None, File.generated(config, uri, content=""), config)
        page.meta = {**meta, "template": template}
        if page.canonical_url:
            page.canonical_url = canonical_url
        page.markdown, page.content, page.active = "", "", True
        context = get_context(self.nav, self.files, config, page)
        try:
            html = self.env.get_template(template).render({**context, "ssp_slot": slots})
        except jinja2.TemplateError as error:
            raise template_problem(error, uri) from None
        html = config.plugins.on_post_page(html, page=page, config=config)
        return (re.sub(r"\n\s+", "\n", html) if "<pre" not in html and "<textarea" not in html else html), context

    def _frame(self, uri: str, template: str) -> tuple[list[str], dict, int]:
        """The frame's template rendered once as the page `uri` (frame_of), with markers, cut
        into text and slot names (text, slot, text, slot, …), the context it was rendered with,
        and a hash of it."""
        markers = {slot: Markup(MARKER.format(slot)) for slot in SLOTS}
        html, context = self._render(uri, {"title": markers["title"], "description": markers["description"]},
                                     markers, markers["url"], template)
        pieces = MARKERS.split(html)
        names = {MARKER.format(slot): slot for slot in SLOTS}
        pieces[1::2] = [names[marker] for marker in pieces[1::2]]
        missing = {"title", "description", "head", "body"} - set(pieces[1::2])
        if missing:
            raise PluginError(f"overrides/{template} (cadre commun : {KINDS.lower()}) : emplacement(s) "
                              f"{', '.join(sorted(missing))} absent(s) ; le gabarit doit écrire le titre, la description, "
                              "ssp_slot.head et ssp_slot.body")
        return pieces, context, hash(html)

    def _check_splice(self, spec, address: str, frame: list[str], parts: dict) -> None:
        """The page made from the frame must be the page the theme would render: a template that
        transforms the title (`| upper`), escapes it another way (`| tojson`) or writes what differs
        from page to page (`page.url`) cannot share a frame, and stops the build."""
        html = spliced(frame, parts)
        # a marker the templates transformed is left in the frame's own text (content may hold one as text)
        left = re.search(r"ssp.slot.(\w+).7e3f1c", "".join(frame[0::2]), re.IGNORECASE)
        # the page's meta as on_page_markdown hands it to the theme: escaped once
        direct, _ = self._render(spec.src_uri, {"title": escape(spec.title), "description": escape(spec.description)},
                                 {slot: parts[slot] for slot in SLOTS}, address, spec.template)
        # the theme writes the title and description as they come (MkDocs does not escape), the frame
        # escapes them; the frame's indentation is taken out, the page's own parts keep theirs: the
        # same page once read, hence compared with character references read and spaces folded.
        html, direct = (re.sub(r"\s+", " ", unescape(text)) for text in (html, direct))
        if not left and html == direct:
            return
        where = next((index for index, (a, b) in enumerate(zip(html, direct)) if a != b), min(len(html), len(direct)))
        raise PluginError(
            f"{KINDS} sont écrites dans un cadre commun (hooks/framed_pages.py), "
            f"que les gabarits ne permettent plus : {spec.src_uri} y diffère de la page que le thème écrirait"
            + (f" (marqueur « {left.group()} » transformé ou laissé)" if left else "")
            + f", à partir de : « {html[max(0, where - 60):where + 60]} » au lieu de « {direct[max(0, where - 60):where + 60]} ». "
            "Un gabarit transforme le titre ou la description (filtre), les écrit sous une autre forme (JSON…), ou écrit "
            "une valeur propre à chaque page (adresse…) : retirez-le de overrides/, ou passez-lui la valeur sans la transformer.")


@dataclass
class PageJob:
    """What the processes writing framed pages share (inherited, not copied): the frames by address
    (frame_of: text and slots, context, hash), the pages' own partials by name, and in the preview
    (`keep`) the keys of the pages the cache already has."""
    frames: dict
    partials: dict
    templates: str  # fingerprint of overrides/
    today: object
    keep: bool
    search_copies: str = ""  # the output folder, when pages' copies for the search index are written (searchcopy.write)
    kept: set = field(default_factory=set)

    def key(self, spec, address: str) -> tuple | None:
        """All a kept page depends on (views.View.key); None for a page written again at each
        rebuild (a day or département page: a list of cards, each kept)."""
        shows = spec.view.key()
        return shows and ("page", *shows, self.templates, self.frames[frame_of(spec)][2], self.today, address)


def page_parts(job: PageJob, spec, address: str, context: dict) -> dict:
    """A page's own parts, to put in its frame's slots."""
    # What the page's own partials use (their includes copy it: keep it small); globals come from the environment.
    page_context = {"page": context["page"], "base_url": context["base_url"], **spec.context,
                    "title": spec.title, "canonical_url": address}
    view = spec.view
    try:
        return {"title": escape(spec.title), "description": escape(spec.description), "url": address,
                "head": Markup(job.partials[view.head].render(page_context) if view.head else ""),
                "body": Markup(french_spacing(job.partials[view.body].render(page_context)))}
    except jinja2.TemplateError as error:  # in a worker too: the message, not a traceback, comes back
        raise template_problem(error, spec.src_uri) from None


def write_page(job: PageJob, item: tuple) -> bytes | None:
    """In a worker: a framed page (spec, file, address) or a data file (path, content), written,
    or in the preview, the page's bytes returned (None: the cache has it)."""
    if len(item) == 2:
        if not job.keep:
            write_file(item[1], item[0])
        return None
    spec, file, address = item
    if job.keep and job.key(spec, address) in job.kept:
        return None
    frame, context, _ = job.frames[frame_of(spec)]
    html = spliced(frame, page_parts(job, spec, address, context))
    if not spec.searched:  # its frame marks the article for the index (search_index.py): not this page's (a past poster)
        html = html.replace(" data-pagefind-body", "", 1)
    content = html.encode("utf-8", errors="xmlcharrefreplace")
    if job.keep:
        return content
    write_file(content, file.abs_dest_path)
    if job.search_copies and spec.searched:
        searchcopy.write(job.search_copies, file.abs_dest_path, html)
    return None


def plain_globals(env: jinja2.Environment) -> None:
    """The environment's globals, all set now, given to every template as a plain dict, those loaded already and
    those loaded later: Jinja copies a template's globals, a ChainMap over the environment's, at each render and
    sets its keys at each include (12 µs; 84,000 renders at 5,000 actions). Each template has its own dict, as it
    had its own ChainMap (get_template(name, globals=…) updates it)."""
    fixed = dict(env.globals)
    env.make_globals = lambda extra=None: {**fixed, **(extra or {})}  # type: ignore[method-assign,misc]
    for template in env.cache.values() if env.cache is not None else ():
        own = template.globals.maps[0] if isinstance(template.globals, ChainMap) else {}  # get_template(…, globals=)
        template.globals = {**fixed, **own}


def template_problem(error: Exception, page: str) -> PluginError:
    """A template error, in French, with the template and line at fault (Jinja puts them in the traceback)."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".html")]
    path = Path(frames[-1].filename) if frames else None
    where = (f"overrides/{path.as_posix().rsplit('/overrides/', 1)[1]}, ligne {frames[-1].lineno}"
             if path and "/overrides/" in path.as_posix() else "un gabarit")
    return PluginError(f"Erreur dans le gabarit {where}, en écrivant la page {page.removesuffix('.md')}/ : {error}. "
                       "Corrigez ce gabarit (dossier overrides/) ; aucune page n'a été publiée.")


def frame_of(spec) -> str:
    """Where a page's frame is rendered: beside it in its folder (« 2026/evenements/cadre-commun.md »
    for the edition's event and day pages), so that its relative links are the page's own. A page
    alone in its folder (views.View.alone: an event's poster, « 2026/evenements/<slug>/affiche.md »)
    shares the frame rendered at the same place in a folder of that name (« 2026/evenements/cadre-
    commun/affiche.md »): the frame links nowhere inside an event's folder (checked)."""
    folder, name = spec.src_uri.rsplit("/", 1)
    if spec.view.alone:
        return f"{folder.rsplit('/', 1)[0]}/{FRAME_NAME}/{name}"
    return f"{folder}/{FRAME_NAME}.md"


def spliced(frame: list[str], parts: dict) -> str:
    return "".join(parts[piece] if index % 2 else piece for index, piece in enumerate(frame))
