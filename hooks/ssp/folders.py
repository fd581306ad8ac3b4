"""What a content folder holds: one rule, for the verifier, the build and the preview alike.

Every file is content (named by the slug rule, with the folder's suffix) or refused with a
French message: sub-folders, hidden files, reserved names, symbolic links (never followed: one
could publish a file from outside the project). Files that operating systems and office programs
leave beside documents are ignored, with a note.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from . import diskcache, searchcopy
from .problems import ContentError, Problem
from .source import LINK_REFUSED, body_line, parse_yaml, read_text, split_front_matter
from .text import slugify

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_RE = re.compile(r"index|jour-\d{4}-\d{2}-\d{2}(?:-\d+)?")  # names of the site's own pages
CLUTTER_NAMES = {"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store"}
CLUTTER_PREFIXES = ("~$", "._", ".~lock.", ".ssp-import-")  # Office and LibreOffice locks, macOS forks, an import underway
WINDOWS_COPY_RE = re.compile(r"(.+?)(?: - (?:Copie|Copy)(?: \(\d+\))?| \(\d+\))$")


def rel(path: Path, project_dir: Path) -> str:
    """The path as the editor sees it in the project (symbolic links are not followed)."""
    absolute, base = os.path.abspath(path), _base(project_dir, os.getcwd())
    return absolute[len(base):].replace(os.sep, "/") if absolute.startswith(base) else path.as_posix()


@cache
def _base(project_dir: Path, cwd: str) -> str:
    """The project's folder, absolute, for each of thousands of files (`cwd`: what a relative one is relative to)."""
    return os.path.join(os.path.abspath(project_dir), "")


def is_clutter(name: str) -> bool:
    return name.lower() in CLUTTER_NAMES or name.startswith(CLUTTER_PREFIXES)


def clutter(folder: Path, project_dir: Path) -> list[str]:
    """Operating-system and office files found under a folder: ignored, and said so."""
    found = [os.path.join(parent, name) for parent, _, names in os.walk(folder) for name in names if is_clutter(name)]
    return sorted(rel(Path(path), project_dir) for path in found)


def links(folder: Path, project_dir: Path) -> list[Problem]:
    """Every symbolic link under a folder (files and folders; none is followed)."""
    found = []
    for parent, folders, names in os.walk(folder):
        found += [os.path.join(parent, name) for name in folders + names if os.path.islink(os.path.join(parent, name))]
    return [Problem(rel(Path(path), project_dir), 0, "", LINK_REFUSED) for path in sorted(found)]


# Folders and files the build reads or writes at the project's root: a link there would make it read
# from, or empty, a folder outside the project (MkDocs cleans its output folder by following links).
ROOT_PARTS = ("campaigns", "docs", "overrides", "hooks", "schemas", "modeles", "mkdocs.yml")


def root_links(project_dir: Path, site_dir: str = "site") -> list[Problem]:
    """The project's own folders and the build's output folders (site/, and beside it the folders
    atomic_output.py writes and removes), when any is a symbolic link."""
    site = os.path.relpath(os.path.abspath(os.path.join(project_dir, site_dir)), os.path.abspath(project_dir))
    outputs = [site + suffix for suffix in ("", ".partiel", ".ancien")]
    outputs.append(searchcopy.folder(outputs[1]))  # the copies the search index reads
    return [Problem(name.replace(os.sep, "/"), 0, "", ROOT_LINK_REFUSED) for name in (*ROOT_PARTS, *outputs, diskcache.FOLDER)
            if os.path.islink(os.path.join(project_dir, name))]


ROOT_LINK_REFUSED = ("lien symbolique refusé à la racine du projet : le site lirait ou effacerait des fichiers hors du "
                     "projet ; supprimez le lien (git rm), puis remettez le vrai dossier ou fichier")


def project_problems(project_dir: Path, docs_dir: Path | None = None, site_dir: str = "site") -> list[Problem]:
    """What the verifier, the build and the preview refuse before reading any content: links at the
    root, in docs/ and in modeles/ (the spreadsheet templates the site publishes), and what docs/ may
    not hold (one check, shared)."""
    problems = root_links(project_dir, site_dir)
    if problems:
        return problems  # nothing is read through a link
    return (diskcache.problems(project_dir) + links(project_dir / "modeles", project_dir)
            + docs_problems(docs_dir or project_dir / "docs", project_dir))


DOCS_SUFFIXES = {".md", ".css", ".js"}  # docs/: pages in Markdown (under the CSP), the site's own style and scripts


DOCS_META = {"title", "description", "hide", "search"}  # what a page of docs/ may set in its header
DOCS_SEARCH = {"exclude", "keywords"}  # `search:` — left out of the site's search, or words that lead to the page
KEYWORDS_MAX = 300
DOCS_ACTIVE = re.compile(r"<\s*(script|style|meta|link|base|iframe|frame|object|embed|form|svg|math|template)\b", re.IGNORECASE)


def docs_problems(docs_dir: Path, project_dir: Path) -> list[Problem]:
    """docs/ is published as it is: a page written in HTML or an SVG there would run its scripts
    outside the CSP, so only Markdown pages and the site's style and scripts are accepted; a page's
    header sets its title, description and what Material hides, and its text holds no element that
    could redirect readers or run (the build also sanitises what these pages become)."""
    problems = links(docs_dir, project_dir)
    for parent, _, names in os.walk(docs_dir):
        for name in sorted(names):
            path = Path(parent) / name
            if is_clutter(name) or path.is_symlink():
                continue
            if Path(name).suffix.lower() not in DOCS_SUFFIXES:
                problems.append(Problem(rel(path, project_dir), 0, "", "fichier refusé dans docs/ : une page s'écrit en "
                                        "Markdown (.md) ; un document ou une image se publie comme support d'une édition"))
            elif path.suffix.lower() == ".md":
                problems += _docs_page_problems(path, rel(path, project_dir))
    return problems


def _docs_page_problems(path: Path, where: str) -> list[Problem]:
    try:
        text = read_text(path, where)
        body = text
        if text.startswith("---\n"):
            meta, body, first_line = split_front_matter(text, where)
            document = parse_yaml(meta, where, first_line)
            if not isinstance(document.data, dict):
                raise ContentError([Problem(where, 2, "", "l'en-tête doit être une suite de champs « nom: valeur »")])
            if unknown := sorted(set(document.data) - DOCS_META):
                raise ContentError([Problem(where, document.line_of((key,)), key, "champ refusé dans l'en-tête d'une page "
                                            f"de docs/ ; champs permis : {', '.join(sorted(DOCS_META))}")
                                    for key in unknown])
            _search_problems(document, where)
    except ContentError as error:
        return error.problems
    return [Problem(where, body_line(text, body) + body[:match.start()].count("\n"), "",
                    f"balise <{match.group(1).lower()}> refusée dans une page : elle pourrait emmener les lecteurs ailleurs "
                    "ou exécuter un programme ; écrivez la page en Markdown")
            for match in DOCS_ACTIVE.finditer(body)]


def _search_problems(document, where: str) -> None:
    """`search:` of a page of docs/: `exclude: true`, `keywords: déclarer une action, …` (search_index.py)."""
    search = document.data.get("search")
    if search is None:
        return
    if not isinstance(search, dict):
        raise ContentError([Problem(where, document.line_of(("search",)), "search", "« search » attend des champs : "
                                    "« exclude: true » (page hors de la recherche) ou « keywords: … » (mots qui y mènent)")])
    problems = []
    for key, value in search.items():
        line = document.line_of(("search", key))
        if key not in DOCS_SEARCH:
            problems.append(Problem(where, line, f"search.{key}", "champ refusé ; champs permis : exclude, keywords"))
        elif key == "exclude" and value not in ("true", "false"):  # the header's values, read as text (ssp.source)
            problems.append(Problem(where, line, "search.exclude", "écrivez true ou false"))
        elif key == "keywords" and not isinstance(value, str):
            problems.append(Problem(where, line, "search.keywords", "écrivez des mots sur une ligne, séparés par des virgules"))
        elif key == "keywords" and len(value) > KEYWORDS_MAX:
            problems.append(Problem(where, line, "search.keywords", f"{len(value)} caractères ; {KEYWORDS_MAX} au plus : "
                                    "gardez les mots que les lecteurs cherchent vraiment"))
    if problems:
        raise ContentError(problems)


def content_files(folder: Path, suffix: str, project_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The content files of a folder, checked by name, and a problem for anything else in it
    (links are reported once, by `links`)."""
    paths, problems = [], []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        where = rel(path, project_dir)
        if is_clutter(path.name) or path.is_symlink():
            continue
        if path.is_dir():
            problems.append(Problem(where, 0, "", f"sous-dossier non lu : les fichiers {suffix} se placent directement "
                                                  f"dans {rel(folder, project_dir)}/ ; déplacez-les, puis supprimez ce dossier"))
        elif path.name.startswith("."):
            problems.append(Problem(where, 0, "", "fichier caché (son nom commence par un point) : il ne serait pas publié ; "
                                                  "renommez-le sans le point, ou supprimez-le"))
        else:
            try:
                paths.append(checked_name(path, suffix, project_dir))
            except ContentError as error:
                problems += error.problems
    return paths, problems


def checked_name(path: Path, suffix: str, project_dir: Path) -> Path:
    where = rel(path, project_dir)
    if path.suffix != suffix:
        raise ContentError([Problem(where, 0, "", f"seuls les fichiers {suffix} sont permis ici ; renommez-le en {suffix}, "
                                                  "ou retirez-le de ce dossier")])
    if copy := WINDOWS_COPY_RE.fullmatch(path.stem):
        raise ContentError([Problem(where, 0, "", f"copie de « {copy.group(1)}{suffix} » (faite par l'Explorateur de fichiers) : "
                                                  "supprimez-la si elle est en trop ; sinon donnez-lui un nom à elle, en "
                                                  "minuscules, chiffres et tirets")])
    if not SLUG_RE.fullmatch(path.stem):
        raise ContentError([Problem(where, 0, "", f"nom de fichier invalide : minuscules, chiffres et tirets seulement, "
                                                  f"par exemple « {slugify(path.stem) or 'mon-contenu'}{suffix} »")])
    if RESERVED_RE.fullmatch(path.stem):
        raise ContentError([Problem(where, 0, "", f"« {path.stem} » est le nom d'une page du site : choisissez un autre nom, "
                                                  f"par exemple « {path.stem}-action{suffix} »")])
    return path
