"""MkDocs adapter: hands the core's pages, data files and context to MkDocs.

Nothing about campaigns is decided here (see hooks/ssp/). Event, day, département and poster
pages are written from a frame shared by their folder's pages (framed_pages.py); the live preview
keeps its output between rebuilds (preview_output.py). MkDocs imports this module once per
`mkdocs serve` session, so a build's state (BuildState) is made again in on_config, while what is
kept between rebuilds lives at module level. The core is reached through ssp.api only.
"""

from __future__ import annotations

import gc
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial, wraps
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import write_file
from mkdocs.utils.templates import url_filter

from engine import ENGINE_LOG, Stop
from framed_pages import FramedPages, fingerprint, plain_globals
from pagefind_run import INDEXING
from preview_output import KeptOutput, host_guard
from ssp.api import (
    Cache,
    ContentError,
    PageSpec,
    Site,
    WorkerLost,
    build_site,
    clutter,
    cores,
    diskcache,
    format_problems,
    french_spacing,
    legal,
    markup,
    problems_page,
    project_problems,
    root_links,
    shown,
    templating,
    urls,
)

log = logging.getLogger(ENGINE_LOG + ".plugins.ssp")


@dataclass
class Session:
    """One `mkdocs build` or `mkdocs serve`: its command, how many builds it has made, and the keys of
    what the project's last build kept on disk (ssp.diskcache), read by its first."""
    command: str = ""
    builds: int = 0
    read_keys: frozenset = frozenset()


@dataclass
class BuildState:
    """What one build carries from one MkDocs event to the next (made again by on_config)."""
    project_dir: Path
    legal: dict
    workers: int
    site: Site | None = None
    problems: list = field(default_factory=list)  # the content's problems: the preview shows them instead of the site
    pages: dict[str, PageSpec] = field(default_factory=dict)  # pages MkDocs renders, by source
    framed: list[PageSpec] = field(default_factory=list)  # pages written in a shared frame (framed_pages.py)
    nav: Any = None
    files: Any = None
    framed_pages: FramedPages | None = None


SESSION = Session()
state: BuildState  # set by on_config
KEPT = KeptOutput()  # the live preview's output, kept between rebuilds of one `mkdocs serve`
CACHE = Cache()  # what is made from content (calendars, cards, event pages…), kept between those rebuilds


def build_date() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH so that a build can be repeated byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC).date() if epoch else date.today()


def on_startup(command: str, dirty: bool) -> None:
    SESSION.command, SESSION.builds = command, 0
    # A build makes millions of objects that live until its end (the site's models, its pages' parts): Python's
    # cycle collector went through them again and again (0.6 s of a 5,000-action build on one core, 0.1 s so).
    # Not in the preview: each rebuild leaves the last one's cycles, which full collections so rare let pile up
    # (its memory grew from 1.2 to 2.6 GB over 20 rebuilds).
    if command == "build":
        gc.set_threshold(50_000, 20, 100)


def previewing() -> bool:
    """`mkdocs serve`: drafts shown, problems shown in the browser, output kept between rebuilds."""
    return SESSION.command == "serve"


def workers() -> int:
    """Every core for a build and the preview's first one; the preview's rebuilds run beside its
    server threads, where forking is unsafe, and only redo what changed. SSP_WORKERS overrides."""
    SESSION.builds += 1
    if os.environ.get("SSP_WORKERS", "").isdigit():
        return int(os.environ["SSP_WORKERS"])
    return cores() if SESSION.command == "build" or SESSION.builds == 1 else 1


def stops_on_lost_workers(hook):
    """The hook, a WorkerLost of its (a worker killed or stuck, a full disk…) ending the build with its French
    message, nothing published: not a traceback."""
    @wraps(hook)
    def stopping(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except WorkerLost as error:
            raise Stop(str(error)) from None
    return stopping


@stops_on_lost_workers
def on_config(config):
    project_dir = Path(config.config_file_path).parent
    global state
    state = BuildState(project_dir, config.extra.get("legal") or {}, workers())
    try:
        legal.check_status(state.legal.get("accessibility_status", ""))
    except ContentError as error:
        raise Stop(str(error)) from None
    try:
        # links at the root: MkDocs would read or empty a folder outside the project; even the preview stops
        if links := root_links(project_dir, config.site_dir):
            raise Stop(format_problems(links, "rien n'a été publié"))
        if refused := project_problems(project_dir, Path(config.docs_dir), config.site_dir):  # docs/, published as it is
            raise ContentError(refused)
        for path in clutter(project_dir / "campaigns", project_dir):
            log.info(shown(f"Remarque : {path} : fichier système ignoré"))
        if not CACHE.entries:  # this process's first build: what the project's last build kept (checked just above:
            SESSION.read_keys = diskcache.read(project_dir, CACHE)  # neither a link nor brought by the repository)
        site = build_site(project_dir, today=build_date(), site_url=config.site_url or "",  # share pictures drawn
                          preview=previewing(), workers=state.workers, cache=CACHE, background=True)  # till on_post_build
    except ContentError as error:
        if not previewing():
            raise Stop(format_problems(error.problems, "rien n'a été publié")) from None
        log.warning(str(error))  # The preview shows the problems instead of the site.
        site = Site([], [], {}, build_date())
        state.problems = error.problems
    else:
        state.problems = []
    state.site = site
    state.pages = {page.src_uri: page for page in site.pages if not page.shared_frame}
    state.framed = [page for page in site.pages if page.shared_frame]
    return config


def on_serve(server, config, builder):
    server.set_app(host_guard(server.get_app()))  # only 127.0.0.1 and localhost: no DNS rebinding to the drafts
    return server


def on_pre_build(config):
    if previewing():
        KEPT.set_aside(config.site_dir)


def on_files(files, config):
    if previewing():
        KEPT.put_back()
    if state.problems:  # shown on the home page and on the pages the menu names (else MkDocs warns they are missing)
        menu = [src for src in _nav_sources(config.nav) if src.endswith(".md") and not files.get_file_from_path(src)]
        state.pages, state.framed = {src: problems_page(src) for src in ["index.md", *menu]}, []
    for page in state.pages.values():
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        _replace(files, File.generated(config, page.src_uri, content="", inclusion=inclusion))
    return files


def _nav_sources(nav) -> list[str]:
    """The pages mkdocs.yml's menu names (« Éditions: editions.md », nested sections too)."""
    items = nav.values() if isinstance(nav, dict) else nav or []
    return [found for item in items for found in ([item] if isinstance(item, str) else _nav_sources(item))]


def _replace(files, file) -> None:
    if existing := files.get_file_from_path(file.src_uri):
        files.remove(existing)
    files.append(file)


def on_nav(nav, config, files):
    state.nav = nav
    return nav


def on_page_markdown(markdown, page, config, files):
    if spec := state.pages.get(page.file.src_uri):
        page.meta.update(title=spec.title, template=spec.template, description=spec.description)
        if not spec.searched:
            page.meta["search"] = {"exclude": True}  # Material's word for it, read by search_index.py
    else:  # pages of docs/: legal facts written [[key]]
        try:
            markdown = legal.fill(markdown, state.legal, f"docs/{page.file.src_uri}")
        except ContentError as error:
            raise Stop(str(error)) from None
    # Material prints meta values unescaped (title, description, author…): hand them escaped Markup (never escaped twice).
    for key, value in page.meta.items():
        if isinstance(value, str):
            page.meta[key] = escape(value)
    return markdown


def on_page_content(html, page, config, files):
    # Our templates draw campaign pages from the context: their Markdown is empty.
    if page.file.src_uri in state.pages:
        return ""
    return markup.clean_page(html)  # a page of docs/: sanitised like content


@event_priority(90)  # before the page's copy for the search index is made (search_index.py)
def on_post_page(output, page, config):
    return french_spacing(output)  # frames of framed pages too: their own parts are spaced as they are put in


def on_post_template(output_content, template_name, config):
    return french_spacing(output_content) if template_name.endswith(".html") else output_content  # 404.html


def on_page_context(context, page, config, nav):
    if spec := state.pages.get(page.file.src_uri):
        context.update(spec.context)
    return context


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory: MkDocs makes a new Jinja environment for each rebuild
    of the live preview. Jinja checks each template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


@pass_context
def _link(context, kind: str, **parts) -> str:
    """{{ 'contact' | link(slug=…) }}: an address of the URL table (ssp.urls.permalinks()), relative to the page (MkDocs' `url`);
    link(…, query={…}) adds a filtered view's query string."""
    path, mark, query = urls.link(kind, **parts).partition("?")
    address = url_filter(context, path)
    address = address[:-2] if address.endswith("/./") else address  # the home from a page without a place (404): « /ssp/ »
    return address + mark + query


INDENT = re.compile(r"^[ \t]+", re.M)


class Dedented(jinja2.ext.Extension):
    """Our templates' indentation left out of the pages they write, once, as they are compiled: the
    frames lose theirs as they are rendered (framed_pages.py), a page's own parts (an action's details,
    a list's cards) kept it, a tenth of an action's page. A template holding <pre> or <textarea> is kept
    as written (there, spaces are text)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        folder = getattr(self.environment, "ssp_overrides", None)
        if not (folder and filename and filename.startswith(folder + os.sep)) or "<pre" in source or "<textarea" in source:
            return source
        return INDENT.sub("", source)


@stops_on_lost_workers
def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    # Our templates (overrides/) escape every value; Material's own keep MkDocs' default.
    overrides = Path(config.config_file_path).parent / "overrides"  # this project's, whatever imported the hooks first
    env.extend(ssp_overrides=str(overrides))
    env.add_extension(Dedented)
    ours = {path.relative_to(folder).as_posix() for folder in map(Path, config.theme.dirs)
            if folder.is_relative_to(overrides) for path in folder.rglob("*.html")}
    env.autoescape = lambda name: name in ours
    env.filters.update(templating.FILTERS)
    env.filters["link"] = _link
    # No global holds the site: each page's template gets its view's fields (ssp/views.py).
    env.globals.update(templating.FUNCTIONS, ssp_problems=state.problems, ssp_share_image=state.site.share_image,
                       ssp_presentation=config.extra.get("presentation", "etat"))
    templates = fingerprint(overrides)
    env.globals["ssp_card"] = _event_card(env.get_template("partials/ssp/event-card.html"), templates, state.site.today)
    state.files = files
    state.framed_pages = FramedPages(config, env, state.nav, files, state.framed, templates, CACHE, state.site)
    env.globals["ssp_sitemap"] = state.framed_pages.addresses  # overrides/sitemap.xml
    # The sitemap's lastmod of docs/ pages: their file's last commit (generated pages: none said).
    env.globals["ssp_lastmod"] = {path.removeprefix("docs/"): moment.strftime("%Y-%m-%d")
                                  for path, moment in state.site.changed.items() if path.startswith("docs/")}
    added = {name for name in env.globals if name.startswith("ssp_")} - set(templating.FUNCTIONS)
    if added != set(templating.BUILD_GLOBALS):  # the templates' globals are declared in one place
        raise RuntimeError(f"globals des gabarits non déclarés dans ssp/templating.py : {sorted(added ^ set(templating.BUILD_GLOBALS))}")
    plain_globals(env)
    # Framed pages and data files (calendars, JSON, CSV, feed, materials), thousands of them, are
    # written over every core while MkDocs renders its own pages; the preview keeps unchanged ones.
    state.framed_pages.start(state.workers, KEPT.write if previewing() else None,
                             [(os.path.join(config.site_dir, path), content) for path, content in state.site.files.items()],
                             search_copies=SESSION.command == "build")  # the preview has no search index
    return env


def _event_card(template, templates: str, today: date):
    @jinja2.pass_context
    def event_card(context, event, occurrence, show_date: bool = False, card_heading: str = "h3", local: bool = False) -> Markup:
        """An event's card in a list, kept in the cache: listings draw thousands of them, the
        same from one rebuild of the live preview to the next. `local`: on a département's page.
        A card over on the day of the build says so (ssp.js marks those over since)."""
        past = occurrence.last_day < today
        key = ("card", event.digest, templates, context["page"].url, occurrence.index, show_date, card_heading, local, past)
        return Markup(CACHE.get(key, lambda: template.render(
            {"page": context["page"], "base_url": context["base_url"], "event": event, "occurrence": occurrence,
             "show_date": show_date, "card_heading": card_heading, "local": local, "past": past})))
    return event_card


@event_priority(50)  # before the search index is made (search_index.py) and the site published (atomic_output.py)
@stops_on_lost_workers
def on_post_build(config):
    # the search index (pagefind_run.py) begins as soon as the pages it reads are written, beside the rest
    state.framed_pages.finish(partial(INDEXING.start, config.site_dir) if SESSION.command == "build" else lambda: None)
    pictures = state.site.finish()  # drawn on the cores the build left idle
    for path, content in pictures.items():
        output = os.path.join(config.site_dir, path)
        if previewing():
            KEPT.write(output, content)
        else:
            write_file(content, output)
    if previewing():
        KEPT.finish([file.abs_dest_path for file in state.files])
        if not state.problems:  # what this build did not use is not kept for the next (a build that
            CACHE.sweep()          # only showed problems used nothing: all is kept for when they are fixed)
    else:
        CACHE.sweep()
        diskcache.write(state.project_dir, CACHE, SESSION.read_keys)


def on_build_error(error) -> None:
    if (building := globals().get("state")) and building.site:
        building.site.later.cancel()  # the share pictures still drawn


def on_shutdown() -> None:
    if previewing() and SESSION.builds:  # the preview keeps what its last rebuild used for the next session
        diskcache.write(state.project_dir, CACHE, SESSION.read_keys)
