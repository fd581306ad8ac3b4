"""What is made from content, kept on disk from one build of a project to the next.

A build makes the same things again and again from files that did not change: each event loaded
and validated, its calendars, its share picture, its card, each edition's charts and data files
(ssp.cache: keys made of the content's digest and of whatever else a result depends on). Like
Pelican's content cache or Material's social cards, those are kept in a file after a build and
read back by the next build or the live preview's first display: only what changed is made again.

The file is .cache/ssp/contenu.pickle in the project (or in SSP_CACHE_DIR), never versioned
(.gitignore): a pickle runs code when read, so a .cache/ that the repository brings (a pull request
adding one) or a link there stops the build before anything is read (problems(), folders.root_links:
hooks/site.py reads the cache after them). It is valid only for
the code that wrote it: it starts with a hash of hooks/ssp/ (code and data), of Python's version and
of every installed package's; another file is ignored and replaced. SSP_CACHE=non: no cache at all.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import subprocess
import sys
from functools import cache
from pathlib import Path

from .cache import Cache
from .problems import Problem

KINDS = frozenset({"event", "prepared", "vevents", "calendar", "page data", "share picture", "records", "edition files",
                   "chart", "card"})  # not kept: MkDocs' files (they name the output folder), the preview's pages (big)


FOLDER = ".cache"  # in the project, beside site/ (.gitignore)


def location(project_dir: Path) -> Path | None:
    if os.environ.get("SSP_CACHE", "").lower() in ("non", "no", "0", "false"):
        return None
    return Path(os.environ.get("SSP_CACHE_DIR") or project_dir / FOLDER / "ssp") / "contenu.pickle"


def problems(project_dir: Path) -> list[Problem]:
    """A .cache/ folder the repository holds: refused, never read (it would be run)."""
    try:
        tracked = subprocess.run(["git", "-C", str(project_dir), "ls-files", "--", FOLDER], capture_output=True,
                                 text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []  # not a repository (a copy of the project): nothing versioned
    return [Problem(f"{FOLDER}/", 0, "", CACHE_VERSIONED)] if tracked.strip() else []


CACHE_VERSIONED = (f"dossier {FOLDER}/ versionné refusé : il garde ce que les constructions de cette machine ont fait et ne "
                   f"vient jamais du dépôt ; supprimez-le du dépôt et du disque (git rm -r -f {FOLDER}), il est déjà dans .gitignore")


@cache
def identity() -> str:
    """What the kept results depend on besides content: this code and its data, Python, the packages."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()):
        digest.update(name.encode() + b"\0")
    return digest.hexdigest()


def read(project_dir: Path, into: Cache) -> frozenset:
    """The results kept by the project's last build, put in `into` (none if they are not this code's); their keys."""
    path = location(project_dir)
    if path is None:
        return frozenset()
    try:
        with open(path, "rb") as file:
            if pickle.load(file) != identity():
                return frozenset()
            entries = pickle.load(file)
    except Exception:  # none yet, or unreadable (unpickling a damaged file may raise almost anything): all is made again
        return frozenset()
    into.entries.update(entries)
    return frozenset(entries)


def write(project_dir: Path, kept: Cache, read_keys: frozenset) -> None:
    """`kept`'s results of the kinds worth keeping, for the next build; nothing written when they are
    those read (`read_keys`): a key names its content, the same key holds the same result."""
    path = location(project_dir)
    entries = {key: value for key, value in kept.entries.items() if key[0] in KINDS}
    if path is None or entries.keys() == read_keys:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            pickle.dump(identity(), file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(entries, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # whole or not at all: a build killed meanwhile leaves the previous file
    except OSError:  # a full disk, a folder not writable: the next build makes everything again
        temporary.unlink(missing_ok=True)
