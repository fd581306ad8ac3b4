"""MkDocs hook: the site's presentation, chosen by one setting, `extra.presentation` in mkdocs.yml.

- `etat` (the default): the State design system (DSFR, npm `@gouvfr/dsfr`, installed in
  tools/dsfr/ by the Makefile), for the ministry's site on a .gouv.fr address. Templates:
  overrides/etat/, then overrides/ (shared), then MkDocs' own (the sitemap).
- `neutre`: Material for MkDocs (theme settings of mkdocs.yml), for publishers outside the State,
  who may not use the DSFR nor its Marianne font. Templates: overrides/neutre/, overrides/, Material's.

The pages' own templates (overrides/*.html, overrides/partials/ssp/) are shared: each presentation
only brings its frame (main.html: head, header, footer) and stylesheet. The DSFR files a page may
ask for are published under dsfr/ — one stylesheet of the components the pages use, the files it
names (fonts — Marianne cut to French text, ssp/fonts.py —, icons), the scripts, favicons and the licence —,
nothing else of the package's 88 MB.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.theme import Theme

from engine import Stop
from ssp.api import fonts

PRESENTATIONS = {"etat": "le système de design de l'État (DSFR)", "neutre": "Material for MkDocs, sans marque de l'État"}
DSFR = Path("tools/dsfr/node_modules/@gouvfr/dsfr/dist")  # in the project
# The site's DSFR stylesheet: the core, the dark theme's colours and the components its pages use, in
# the order of the DSFR's own bundle, for today's browsers (".main"): 447 KB, 56 KB compressed, where
# the whole DSFR (dsfr.main.min.css) is 585 and 76 — on a phone's slow network, sooner on screen.
STYLESHEET = "dsfr.site.min.css"
PARTS = ("core/core", *(f"component/{name}/{name}" for name in (
    "badge", "logo", "button", "breadcrumb", "form", "link", "pagination", "tag", "alert", "radio", "card", "checkbox", "input",
    "skiplink", "select", "modal", "navigation", "share", "footer", "search", "table", "header")))
SCHEME = "scheme/scheme.min.css"  # the dark theme's colours, after the core (as in the DSFR's bundle; no ".main" of it)
DISPLAY = "component/display/display.min.css"  # the display settings (the package has no ".main" of it)
DSFR_FILES = ("dsfr.print.min.css", "dsfr.module.min.js", "dsfr.nomodule.min.js",
              "favicon/favicon.svg", "favicon/favicon.ico", "favicon/apple-touch-icon.png")
LICENCE = "LICENSE.md"  # in the package, beside dist/
FONT = re.compile(r"fonts/Marianne-\w+\.woff2")  # published subset to French text (ssp/fonts.py)
LICENCE_NOTICE = re.compile(r"/\*.*?\*/", re.S)  # the comment a DSFR stylesheet opens with
CSS_URL = re.compile(r"""url\(\s*(["']?)(?!data:)([^"')?#]+)([^"')]*)\1\s*\)""")  # quote, path, ?query#fragment
state: dict = {}


def chosen(config) -> str:
    name = str(config.extra.get("presentation") or "etat")
    if name not in PRESENTATIONS:
        choices = " ; ".join(f"« {key} » : {label}" for key, label in PRESENTATIONS.items())
        raise Stop(f"mkdocs.yml, extra.presentation : « {name} » n'est pas une présentation du site. "
                   f"Écrivez l'une de celles-ci : {choices}. Rien n'a été publié.")
    return name


def dsfr_dir(project: Path) -> Path:
    folder = project / DSFR
    if not (folder / "core/core.main.min.css").is_file():
        raise Stop("La présentation « etat » demande le système de design de l'État (DSFR), absent de "
                   f"{DSFR.as_posix()}. Lancez « make serve » ou « make build » (ils l'installent), ou "
                   "« npm ci » dans tools/dsfr/ ; pour un site hors de l'État, écrivez « presentation: neutre » "
                   "dans mkdocs.yml. Rien n'a été publié.")
    return folder


def check_brand(brand) -> None:
    """extra.brand: the bloc-marque's lines and the service's name and tagline, as the header needs them."""
    lines = brand.get("lines") if isinstance(brand, dict) else None
    if not (isinstance(lines, list) and lines and all(isinstance(line, str) and line.strip() for line in lines)
            and all(isinstance(brand.get(key), str) and brand[key].strip() for key in ("service", "tagline"))):
        raise Stop("mkdocs.yml, extra.brand : le bloc-marque de l'État demande « lines » (l'intitulé officiel du "
                   "ministère, une ligne par tiret), « service » (le nom du site) et « tagline » (sa devise), "
                   "chacun écrit en texte. Reprenez le modèle de mkdocs.yml. Rien n'a été publié.")


def stylesheet(folder: Path) -> str:
    """The core, the dark theme's colours (on screen only: a page printed from it keeps dark ink on white
    paper), the components of PARTS and the display settings, in one stylesheet at the package's root,
    their addresses made relative to it."""
    def sheet(part: str) -> str:
        here, text = posixpath.dirname(part), (folder / part).read_text(encoding="utf-8")
        return CSS_URL.sub(lambda url: f'url("{posixpath.normpath(posixpath.join(here, url[2]))}{url[3]}")', text)

    core, *components = PARTS
    scheme = sheet(SCHEME)
    notice = LICENCE_NOTICE.match(scheme)
    end = notice.end() if notice else 0
    screen_only = f"{scheme[:end]}@media screen{{{scheme[end:]}}}"
    return "\n".join([sheet(f"{core}.main.min.css"), screen_only, *(sheet(f"{part}.main.min.css") for part in components),
                      sheet(DISPLAY)])


def dsfr_files(folder: Path, css: str) -> list[str]:
    """The package's files the site publishes: ours (DSFR_FILES) and all the stylesheets name."""
    named = set(DSFR_FILES)
    for sheet in (css, (folder / "dsfr.print.min.css").read_text(encoding="utf-8")):
        named.update(url[2] for url in CSS_URL.finditer(sheet))
    return sorted(path for path in named if (folder / path).is_file())


@event_priority(100)  # before site.py reads the templates' folder
def on_config(config):
    project = Path(config.config_file_path).parent
    name = chosen(config)
    shared = str(project / "overrides")
    if name == "etat":
        config.theme = Theme(custom_dir=str(project / "overrides" / "etat"), static_templates=["404.html"])  # its words are ours, in French
        state["dsfr"] = dsfr_dir(project)
        check_brand(config.extra.get("brand"))
    else:  # Material, as mkdocs.yml sets it (custom_dir: overrides/neutre)
        state["dsfr"] = None
    config.theme.dirs.insert(1, shared)  # the pages' own templates, after the presentation's frame
    config.extra["presentation"] = name
    return config


def on_files(files, config):
    for other in set(PRESENTATIONS) - {config.extra["presentation"]}:  # the other presentation's stylesheet
        if file := files.get_file_from_path(f"assets/stylesheets/{other}.css"):
            files.remove(file)
    if folder := state.get("dsfr"):
        css = stylesheet(folder)
        files.append(File.generated(config, f"dsfr/{STYLESHEET}", content=css))
        for path in dsfr_files(folder, css):
            source = folder / path
            if FONT.fullmatch(path):
                source = fonts.subset_woff2(source, folder.parents[2] / ".ssp-fonts")  # node_modules/: emptied by a reinstall
            files.append(File.generated(config, f"dsfr/{path}", abs_src_path=str(source)))
        files.append(File.generated(config, "dsfr/LICENCE.txt", abs_src_path=str(folder.parent / LICENCE)))
    return files
