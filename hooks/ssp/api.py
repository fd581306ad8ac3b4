"""The core as the MkDocs hooks (hooks/*.py) use it: one door, so that what the adapter depends on
is listed here and nowhere else."""

from __future__ import annotations

from . import diskcache, fonts, legal, markup, searchcopy, templating, urls
from .build import Site, build_site
from .cache import Cache
from .folders import clutter, project_problems, root_links
from .pages import PageSpec, problems_page
from .parallel import WorkerLost, cores, start_map
from .problems import ContentError, format_problems, shown
from .text import french_spacing
from .urls import edition_year, is_source_of, link, page_source

__all__ = ["Cache", "ContentError", "PageSpec", "Site", "WorkerLost", "build_site", "clutter", "cores", "diskcache", "edition_year", "fonts", "format_problems", "french_spacing", "is_source_of",
           "legal", "link", "markup", "page_source", "problems_page", "project_problems", "root_links", "searchcopy", "shown", "start_map",
           "templating", "urls"]
