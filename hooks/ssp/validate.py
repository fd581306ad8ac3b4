"""Turn parsed YAML into models, translating every error into a French Problem."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import frenchinput
from .problems import ContentError, Problem
from .source import Document

M = TypeVar("M", bound=BaseModel)

MESSAGES = {
    "missing": "champ obligatoire manquant",
    "string_type": "un texte est attendu ici (une seule valeur, pas une liste ni des sous-champs)",
    "string_too_short": "ne doit pas être vide",
    "int_parsing": "un nombre entier est attendu, par exemple 7",
    "int_type": "un nombre entier est attendu, par exemple 7",
    "list_type": "une liste est attendue : un élément par ligne, commençant par « - »",
    "too_short": "la liste ne doit pas être vide",
    "model_type": "des champs sont attendus ici (nom: valeur, indentés en dessous)",
    "dict_type": "des champs sont attendus ici (nom: valeur, indentés en dessous)",
    "bool_parsing": "oui ou non attendu : écrivez true ou false",
    "bool_type": "oui ou non attendu : écrivez true ou false",
}


def validate(model: type[M], document: Document, rel: str) -> M:
    """Validate a document against a model or raise every problem found."""
    if not isinstance(document.data, dict):
        raise ContentError([Problem(rel, document.line_of(()), "", "des champs « nom: valeur » sont attendus")])
    try:
        return model.model_validate(_without_empty(document.data))
    except ValidationError as error:
        problems = translate(error, document, rel, model)
        said = {problem.field for problem in problems}
        problems += [Problem(rel, document.line_of(loc), field_label(loc), text)  # said now, not once the rest is fixed
                     for loc, text in getattr(model, "independent_problems", lambda data: [])(document.data)
                     if field_label(loc) not in said]
        raise ContentError(problems) from None


def _without_empty(value: Any) -> Any:
    """An empty value (`theme:`) counts as a missing field, so the message says "champ obligatoire manquant"."""
    if isinstance(value, dict):
        return {key: _without_empty(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def translate(error: ValidationError, document: Document, rel: str, model: type[BaseModel]) -> list[Problem]:
    items = error.errors(include_url=False)
    # A misspelt key already names the field it should be: no "missing" message for that field.
    suggested = {loc[:-1] + (close,) for item in items if item["type"] == "extra_forbidden"
                 for loc in [tuple(item["loc"])] if (close := closest_field(loc, model))}
    problems = []
    for item in items:
        loc = tuple(part for part in item["loc"] if part != "[key]")  # a bad dict key: name the key itself
        ctx = item.get("ctx") or {}
        if ctx.get("field"):
            loc = loc + tuple(ctx["field"].split("."))
        if item["type"] == "missing" and loc in suggested:
            continue
        problems.append(Problem(rel, document.line_of(loc), field_label(loc), message(item, loc, model)))
    return problems


def closest_field(loc: tuple, model: type[BaseModel]) -> str | None:
    if not loc:  # a key that is not a name at all (a list, a number…)
        return None
    close = difflib.get_close_matches(str(loc[-1]), known_fields(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def field_label(loc: tuple) -> str:
    """Dotted field path; list items are counted from 1 as editors count them."""
    return ".".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc)


def message(item: Any, loc: tuple, model: type[BaseModel]) -> str:
    kind, ctx, value = item["type"], item.get("ctx") or {}, item.get("input")
    if kind == "ssp":
        return ctx["message"]
    if kind == "extra_forbidden":
        close = closest_field(loc, model)
        hint = f"vouliez-vous dire « {close} » ?" if close else f"champs permis : {', '.join(known_fields(model, loc[:-1]))}"
        return f"champ inconnu ; {hint}"
    if kind == "literal_error" and isinstance(value, (list, dict)):
        return "une seule valeur est attendue ici, pas une liste ni des sous-champs"
    if kind == "literal_error":
        allowed = [option.strip("'") for option in ctx.get("expected", "").replace(" or ", ", ").split(", ")]
        guesses = [said] if (said := frenchinput.code_named(str(value), allowed)) else \
            difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        hint = f" ; vouliez-vous dire « {guesses[0]} » ?" if guesses else ""
        return f"valeur « {value} » inconnue{hint} (valeurs permises : {', '.join(allowed)})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"« {value} » : la valeur doit être {'au moins' if kind == 'greater_than_equal' else 'au plus'} {bound}"
    return MESSAGES.get(kind, "valeur invalide")


def known_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model found at `loc`."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        nested = _model_in(info.annotation) if info else None
        if nested is None:
            break
        model = nested
    return list(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if found := _model_in(arg):
            return found
    return None
