"""The kinds of content file that are one file, one page (contact cards, quizzes, workshops,
project sheets, calls for projects), declared once: where their files live, the contract they
follow, what the loader makes of each, their JSON Schema, their address, and — for the partnership's
kinds — their page and its place in the section's index and the site map. load.py reads every kind
through this table, schema.py writes a schema per kind, urls.py takes their addresses, pages.py
makes their pages (views.ItemView); editions and events, the calendar's own model, have their own
loading (models.py, load.py). Contact cards and calls have pages of their own making (pages.py).

A kind whose contract is Publishable has its drafts and embargo applied by publication.published(),
which loops over this table. Adding a kind: its contract and object, and its place in Partnership
(content.py), a line here, its template (overrides/), its part of the guide (CONTRIBUER.md) and its
test; `ssp schemas` writes its schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from . import markup
from .content import Call, CallMeta, Contact, ContactMeta, Item, Quiz, QuizMeta, Sheet, SheetMeta, Workshop, WorkshopMeta
from .fields import Publishable


@dataclass(frozen=True)
class ItemPage:
    """The page of each item of a partnership kind (views.ItemView), and its list in the section's index."""
    template: str  # in overrides/: the item is `item` there, and under the kind's name (« quiz »)
    title: Callable[[Any], str]  # item → the page's title
    description: Callable[[Any], str]  # item → its description (search engines, shares)
    section: str | None = None  # the heading of the kind's list in « Partenariat en santé » and the site map (None: not listed there)
    anchor: str = ""  # that heading's id
    summary: Callable[[Any], str] = lambda item: ""  # what follows an item's link in that list


@dataclass(frozen=True)
class Kind:
    name: str  # « sheet »: the key of what load_all returns
    label: str  # « Fiche projet », as editors name it
    item: type[Item]  # the object made of each file (its `kind` names its address in the URL table)
    meta: type[BaseModel]  # the contract of the file's fields
    folder: str  # under campaigns/ (« partenariat/fiches »), or under an edition's folder when `in_edition`
    field: str  # where its items are kept: Edition.<field> when `in_edition`, else Partnership.<field> (contacts: Campaigns.contacts)
    suffix: str  # « .yml », or « .md »: YAML front matter, then Markdown
    schema: str  # its file in schemas/
    address: str  # its items' address: the URL table (urls.permalinks()) holds it under the item's `kind`
    # the object's HTML fields, from the fields and the Markdown body: {"intro_html": …}
    html: Callable[[Any, str], dict[str, str]] = lambda meta, body: {}
    # what the file names elsewhere: [(name or None, "contacts" | "sheets", key of the field)]
    references: Callable[[Any], list[tuple[str | None, str, tuple]]] = lambda meta: []
    order: Callable[[Any], Any] | None = None  # sort key of the items (file-name order otherwise)
    newest_first: bool = False
    in_edition: bool = False  # campaigns/<année>/<folder>/: the object gets its edition's year
    page: ItemPage | None = None  # a partnership kind's page per item (contacts and calls: pages.py makes theirs)

    @property
    def publishable(self) -> bool:
        """Whether its files may be drafts or wait for a date (publication.published leaves them out)."""
        return issubclass(self.meta, Publishable)

    @property
    def where(self) -> str:
        """« campaigns/partenariat/fiches/<nom>.yml », as the guide and the schemas say."""
        return f"campaigns/{'<année>/' if self.in_edition else ''}{self.folder}/<nom>{self.suffix}"

    @property
    def schema_title(self) -> str:
        return f"{self.label} : {'en-tête de ' if self.suffix == '.md' else ''}{self.where}"


def _call_references(meta: CallMeta) -> list[tuple[str | None, str, tuple]]:
    return [(meta.contact, "contacts", ("contact",))] + [
        (laureate.sheet, "sheets", ("laureates", index, "sheet")) for index, laureate in enumerate(meta.laureates)]


def quiz_title(title: str) -> str:
    """« Quiz : Le partenariat patient, vrai ou faux ? »: the word a reader searches for, said once."""
    return title if title.casefold().startswith("quiz") else f"Quiz : {title}"


# In loading order: what a kind names is loaded before it (calls name contact cards and sheets).
KINDS = (
    Kind("contact", "Fiche contact", Contact, ContactMeta, "contacts", "contacts", ".yml", "contact.schema.json",
         "contacts/{slug}/"),
    Kind("quiz", "Quiz", Quiz, QuizMeta, "partenariat/quiz", "quizzes", ".yml", "quiz.schema.json", "partenariat/quiz/{slug}/",
         html=lambda meta, body: {"intro_html": markup.render(meta.intro)},
         page=ItemPage("quiz.html", lambda quiz: quiz_title(quiz.meta.title), lambda quiz: f"{quiz_title(quiz.meta.title)}. Testez vos connaissances.",
                       "Quiz", "quiz", lambda quiz: f"({len(quiz.meta.questions)} questions)")),
    Kind("workshop", "Atelier", Workshop, WorkshopMeta, "partenariat/ateliers", "workshops", ".md", "atelier.schema.json",
         "partenariat/ateliers/{slug}/", html=lambda meta, body: {"synthesis_html": markup.render(body)},
         order=lambda item: item.meta.date, newest_first=True,
         page=ItemPage("workshop.html", lambda workshop: workshop.meta.title,
                       lambda workshop: f"{workshop.meta.title} : {workshop.meta.situation}",
                       "Ateliers d'échanges de pratiques", "ateliers", lambda workshop: f"— {workshop.meta.theme}")),
    Kind("sheet", "Fiche projet", Sheet, SheetMeta, "partenariat/fiches", "sheets", ".yml", "fiche.schema.json",
         "partenariat/fiches/{slug}/",  # listed by their own index (pages.py: « Fiches projets »)
         page=ItemPage("sheet.html", lambda sheet: sheet.meta.title, lambda sheet: f"{sheet.meta.title} — {sheet.meta.establishment}.")),
    Kind("call", "Appel à projets", Call, CallMeta, "appels", "calls", ".md", "appel.schema.json",
         "{year}/appels-a-projets/{slug}/", html=lambda meta, body: {"description_html": markup.render(body)},
         references=_call_references, order=lambda item: item.meta.opens, in_edition=True),
)
SHARED = tuple(kind for kind in KINDS if not kind.in_edition)  # campaigns/contacts/, campaigns/partenariat/…
IN_EDITION = tuple(kind for kind in KINDS if kind.in_edition)
