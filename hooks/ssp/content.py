"""Content kinds that are not on the calendar (models.py holds editions and events): materials, calls for projects, contacts and the
« Partenariat en santé » section (idées reçues, quiz, workshop syntheses, project sheets).

Same contract style as models.py: unknown keys are errors, values are parsed from what
editors wrote, French messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from .fields import Audience, Contract, LocalDate, Markdown, Publishable, Region, Text, WebUrl, as_codes, as_list, fail, single
from .thumbnails import Thumbnail
from .urls import link

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG)]
TextList = Annotated[list[Text], BeforeValidator(as_list)]

MATERIAL_KINDS = {"affiche": "Affiche", "depliant": "Dépliant", "quiz": "Quiz", "video": "Vidéo",
                  "banniere": "Bannière", "kit": "Kit de communication", "guide": "Guide", "autre": "Autre support"}
if TYPE_CHECKING:  # the values allowed are checked by pydantic, from MATERIAL_KINDS
    MaterialKind = str
else:
    MaterialKind = Literal.__getitem__(tuple(MATERIAL_KINDS))


class Material(Contract):
    """A communication material: a file shipped in the campaign folder, or a link."""

    title: Text = Field(description="Titre du support")
    kind: MaterialKind = Field(description="Type : " + ", ".join(MATERIAL_KINDS))
    audience: Annotated[list[Audience], BeforeValidator(as_codes)] = Field(default_factory=list, description="Publics")
    publisher: Text = Field(description="Éditeur : DGOS, ARS…")
    file: Text | None = Field(None, description="Fichier du dossier de l'édition, par exemple supports/affiche.pdf")
    url: WebUrl | None = Field(None, description="Ou bien : lien vers le support en ligne")
    description: Text | None = Field(None, description="Quelques mots sur le support")

    @model_validator(mode="after")
    def _file_or_url(self) -> Material:
        if (self.file is None) == (self.url is None):
            raise fail("indiquez soit « file » (un fichier du dossier), soit « url » (un lien), pas les deux", "file")
        if self.file and (self.file.startswith(("/", "\\")) or ".." in self.file.split("/")):
            raise fail("chemin relatif au dossier de l'édition attendu, par exemple supports/affiche.pdf", "file")
        return self


# Read on the text without its outer spaces, in one way only (spaces around the amount that three runs could
# share cost 6 s for « 3 x 1 », 2,000 spaces and a letter; the amount ends with a digit)
PRIZE_RE = re.compile(r"(\d+)\s*[x×*]\s*(\d(?:[\d\s]*\d)?)(?:\s*(?:€|euros?))?")


def parse_prize(value) -> dict:
    """« 3 × 2000 » or {count, amount}: a number of prizes and the amount of each, in euros."""
    if isinstance(value, dict):
        return value
    match = PRIZE_RE.fullmatch(single(value).strip())
    if not match:
        raise fail(f"« {value} » : écrivez le nombre de prix et le montant de chacun, par exemple « 3 × 2000 »")
    return {"count": match.group(1), "amount": "".join(match.group(2).split())}  # « 2 000 », a no-break space too


class Prize(Contract):
    count: int = Field(ge=1, description="Nombre de prix")
    amount: int = Field(ge=0, description="Montant de chaque prix, en euros")


class Laureate(Contract):
    project: Text = Field(description="Projet lauréat")
    establishment: Text = Field(description="Établissement porteur")
    category: Text | None = Field(None, description="Catégorie (sanitaire, médico-social, soins primaires…)")
    sheet: Slug | None = Field(None, description="Fiche projet du lauréat (nom du fichier sans .yml)")


class CallMeta(Publishable):
    """campaigns/<year>/appels/<slug>.md: a call for projects."""

    title: Text = Field(description="Intitulé de l'appel à projets")
    organizer: Text = Field(description="Qui lance l'appel")
    contact: Slug | None = Field(None, description="Fiche contact de l'organisateur (campaigns/contacts/<nom>.yml)")
    theme: Text | None = Field(None, description="Thématique")
    opens: LocalDate = Field(description="Ouverture (AAAA-MM-JJ)")
    closes: LocalDate = Field(description="Clôture (AAAA-MM-JJ)")
    categories: TextList = Field(default_factory=list, description="Catégories, par exemple sanitaire, médico-social")
    prizes: Annotated[Prize, BeforeValidator(parse_prize), WithJsonSchema({"anyOf": [{"type": "string", "pattern": f"^\\s*{PRIZE_RE.pattern}\\s*$"}, {"type": "object"}]})] | None = Field(
        None, description="Prix : nombre × montant en euros, par exemple « 3 × 2000 »")
    laureates: list[Laureate] = Field(default_factory=list, description="Lauréats, une fois connus")
    url: WebUrl | None = Field(None, description="Page officielle de l'appel")

    @model_validator(mode="after")
    def _period(self) -> CallMeta:
        if self.closes < self.opens:
            raise fail(f"la clôture ({self.closes}) est avant l'ouverture ({self.opens})", "closes")
        return self


class Address(Contract):
    label: Text | None = Field(None, description="Nom du site, par exemple « Accueil site de Toulouse »")
    lines: TextList = Field(description="Lignes de l'adresse, dans l'ordre")


class ContactMeta(Contract):
    """campaigns/contacts/<slug>.yml: an organiser card."""

    name: Text = Field(description="Nom de la structure")
    department: Text | None = Field(None, description="Service ou direction")
    addresses: list[Address] = Field(default_factory=list, description="Adresses")
    website: WebUrl | None = Field(None, description="Site internet")
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(None, description="Courriel")
    phone: Text | None = Field(None, description="Téléphone")


class IdeaCard(Contract):
    myth: Text = Field(description="L'idée reçue, telle qu'on l'entend")
    reality: Text = Field(description="Ce qu'il en est")


class IdeasMeta(Contract):
    """campaigns/partenariat/idees-recues.yml"""

    title: Text = Field(description="Titre de la page")
    intro: Markdown | None = Field(None, description="Introduction (Markdown)")
    groups: dict[Audience, list[IdeaCard]] = Field(description="Idées reçues par public : patients, professionnels…")
    self_assessment: Text | None = Field(None, description="Titre de l'autoévaluation, par exemple « Et vous, comment vous situez-vous ? »")


class Choice(Contract):
    text: Text = Field(description="Réponse proposée")
    correct: bool = Field(False, description="true pour une bonne réponse")


class Question(Contract):
    question: Text = Field(description="La question")
    kind: Literal["single", "multiple"] = Field("single", description="single : une réponse ; multiple : plusieurs")
    choices: list[Choice] = Field(min_length=2, description="Réponses proposées")
    explanation: Text = Field(description="Explication affichée après la réponse")

    @model_validator(mode="after")
    def _answers(self) -> Question:
        right = sum(choice.correct for choice in self.choices)
        if right == 0:
            raise fail("aucune réponse n'est marquée « correct: true »", "choices")
        if self.kind == "single" and right > 1:
            raise fail(f"{right} bonnes réponses pour une question « single » : écrivez kind: multiple", "kind")
        return self


class QuizMeta(Publishable):
    """campaigns/partenariat/quiz/<slug>.yml"""

    title: Text = Field(description="Titre du quiz")
    intro: Markdown | None = Field(None, description="Introduction (Markdown)")
    source: Text | None = Field(None, description="D'où viennent les réponses")
    questions: list[Question] = Field(min_length=1, description="Questions")


class Participant(Contract):
    role: Text = Field(description="Rôle : professionnels du système de santé, représentants des usagers…")
    count: int = Field(ge=1, description="Nombre")


class Person(Contract):
    name: Text = Field(description="Nom")
    role: Text | None = Field(None, description="Fonction")


class WorkshopMeta(Publishable):
    """campaigns/partenariat/ateliers/<slug>.md: front matter; the body is the co-built synthesis."""

    title: Text = Field(description="Titre")
    date: LocalDate = Field(description="Date de l'atelier")
    theme: Text = Field(description="Thème")
    participants: list[Participant] = Field(default_factory=list, description="Participants par rôle")
    facilitators: list[Person] = Field(default_factory=list, description="Animateurs")
    facilitators_label: Text | None = Field(None, description="Intitulé des animateurs, par exemple « Coanimatrices chargées de projet au COPS »")
    situation: Text = Field(description="Situation choisie par le groupe")


class Actor(Contract):
    who: Text = Field(description="Qui")
    role: Text | None = Field(None, description="Son rôle dans le projet")


class Point(Contract):
    """A point, with optional sub-points."""

    text: Text
    points: TextList = Field(default_factory=list)


POINT_SCHEMA = {"anyOf": [{"type": "string"}, {
    "type": "object", "additionalProperties": False, "required": ["text"],
    "properties": {"text": {"type": "string"}, "points": {"type": "array", "items": {"type": "string"}}}}]}
Points = Annotated[list[Annotated[Point, BeforeValidator(lambda v: {"text": v} if isinstance(v, str) else v),
                                  WithJsonSchema(POINT_SCHEMA)]], BeforeValidator(as_list)]


class BudgetLine(Contract):
    label: Text = Field(description="Poste")
    amount: int | None = Field(None, ge=0, description="Montant en euros")
    hours: Annotated[str, Field(pattern=r"^\d+(-\d+)?$"), WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\d+(-\d+)?$"}]})] | None = Field(
        None, description="Heures de bénévolat : 60 ou 60-70")
    estimate: bool = Field(False, description="true si c'est une estimation")


class Benefit(Contract):
    beneficiary: Text = Field(description="Pour qui : le patient, les professionnels, l'établissement…")
    points: TextList = Field(description="Bénéfices")


class SheetMeta(Publishable):
    """campaigns/partenariat/fiches/<slug>.yml: a project sheet (« fiche projet »)."""

    title: Text = Field(description="Titre du projet")
    establishment: Text = Field(description="Établissement")
    region: Region | None = Field(None, description="Région")
    domain: Text = Field(description="Domaine du partenariat en santé")
    objectives: Points = Field(description="Objectifs")
    actors: list[Actor] = Field(default_factory=list, description="Acteurs et leur rôle")
    steps: TextList = Field(default_factory=list, description="Étapes, dans l'ordre")
    funding: Text | None = Field(None, description="Financement, en clair")
    budget: list[BudgetLine] = Field(default_factory=list, description="Budget, poste par poste")
    brakes: Points = Field(default_factory=list, description="Freins")
    levers: TextList = Field(default_factory=list, description="Leviers")
    benefits: list[Benefit] = Field(default_factory=list, description="Bénéfices et perspectives, par bénéficiaire")


# --- Domain objects built from the contract ------------------------------------------------


@dataclass(frozen=True)
class MaterialItem:
    meta: Material
    output: str = ""  # site path of a shipped file
    size: int = 0
    format: str = ""  # « PDF »
    is_image: bool = False
    content: bytes = field(default=b"", repr=False)
    thumbnail: Thumbnail | None = field(default=None, repr=False)  # an image's, for the supports page

    @property
    def thumbnail_output(self) -> str:
        year, _, name = self.output.split("/", 2)
        return link("thumbnail", year=year, name=name)


@dataclass(frozen=True)
class Item:
    """A content file: its name (slug), its path in the project, its validated fields; a page at `url`."""

    slug: str
    source: str
    meta: Any
    kind: ClassVar[str] = ""  # its address in the URL table (its Kind in kinds.py declares it)

    @property
    def url(self) -> str:
        return link(self.kind, slug=self.slug)


@dataclass(frozen=True)
class Call(Item):
    year: int = 0
    description_html: str = ""

    kind: ClassVar[str] = "call"

    @property
    def url(self) -> str:
        return link(self.kind, year=self.year, slug=self.slug)


@dataclass(frozen=True)
class Contact(Item):
    kind: ClassVar[str] = "contact"


@dataclass(frozen=True)
class Quiz(Item):
    intro_html: str = ""
    kind: ClassVar[str] = "quiz"


@dataclass(frozen=True)
class Workshop(Item):
    synthesis_html: str = ""
    kind: ClassVar[str] = "workshop"


@dataclass(frozen=True)
class Sheet(Item):
    kind: ClassVar[str] = "sheet"


@dataclass(frozen=True)
class Partnership:
    ideas: IdeasMeta | None = None
    ideas_intro_html: str = ""
    quizzes: tuple[Quiz, ...] = ()
    workshops: tuple[Workshop, ...] = ()
    sheets: tuple[Sheet, ...] = ()
