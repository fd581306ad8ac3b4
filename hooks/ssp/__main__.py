"""Command-line tool for editors: `python -m ssp <commande>` (run through make: `make verifier`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .problems import ContentError, format_problems
from .vocab import AUDIENCES, EVENT_TYPES



class FrenchFormatter(click.HelpFormatter):
    """Click's help screens, in French."""

    SECTIONS = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("COMMAND [ARGS]...", "COMMANDE [ARGUMENTS]..."),
                            prefix="Utilisation : ")

    def section(self, name: str):
        return super().section(self.SECTIONS.get(name, name))


class FrenchCommand(click.Command):
    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Affiche cette aide."
        return option


class FrenchGroup(FrenchCommand, click.Group):
    command_class = FrenchCommand


click.Context.formatter_class = FrenchFormatter

# Click's own messages (a missing argument, an unknown option…), in French. Click looks them up
# with gettext when it writes them; it ships no French catalogue, so this is one.
FRENCH_MESSAGES = {
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing {param_type}": "{param_type} manquant",
    "Missing command.": "Commande manquante.",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "No such command {name!r}.": "Commande inconnue : {name!r}.",
    "No such option {name!r}.": "Option inconnue : {name!r}.",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Choose from:\n\t{choices}": "Choisissez parmi :\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} n'est pas {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} n'est pas l'une des valeurs {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{name} {filename!r} does not exist.": "{filename!r} n'existe pas.",
    "{name} {filename!r} is a directory.": "{filename!r} est un dossier.",
    "{name} {filename!r} is a file.": "{filename!r} est un fichier.",
    "{name} {filename!r} is not readable.": "{filename!r} ne peut pas être lu.",
    "{name} {filename!r} is not writable.": "{filename!r} ne peut pas être écrit.",
    "Aborted!": "Interrompu.",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l'une de ces options : {possibilities} ?)",
    "Option {name!r} requires an argument.": "L'option {name!r} demande une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name!r} demande {nargs} valeurs.",
    "Got unexpected extra argument ({args})": "Argument en trop ({args})",
    "Got unexpected extra arguments ({args})": "Arguments en trop ({args})",
}


def _french(message: str) -> str:
    return FRENCH_MESSAGES.get(message, message)


def _french_plural(singular: str, plural: str, count: int) -> str:
    return _french(singular if count == 1 else plural)


for _module in (click.core, click.exceptions, click.parser, click.types, click.decorators):
    if hasattr(_module, "_"):
        _module._ = _french
    if hasattr(_module, "ngettext"):
        _module.ngettext = _french_plural


@click.group(cls=FrenchGroup, help="Outils de la Semaine de la sécurité des patients, pour les équipes qui tiennent le contenu.")
@click.option("--projet", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="Dossier du projet (celui qui contient campaigns/).")
@click.pass_context
def main(context: click.Context, projet: Path) -> None:
    context.obj = projet.resolve()


@main.command(help="Vérifie tout le contenu, sans construire le site. Code de sortie 1 s'il y a des erreurs.")
@click.pass_obj
def verifier(project: Path) -> None:
    from .load import load_all

    try:
        campaigns = load_all(project / "campaigns", project)
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    events = sum(len(edition.events) for edition in campaigns.editions)
    click.echo(f"Contenu valide : {len(campaigns.editions)} éditions, {events} actions.")


@main.command(help="Vérifie que les liens vers d'autres sites répondent (demande Internet ; jamais en CI).")
@click.pass_obj
def liens(project: Path) -> None:
    from .linkcheck import check, external_links
    from .load import load_all

    try:
        links = external_links(load_all(project / "campaigns", project))
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    broken = check(links)
    for link, problem in broken:
        click.echo(f"{link.source} : {link.what} {link.url} {problem}")
    click.echo(f"{len(links)} liens vérifiés, {len(broken)} en erreur.")
    sys.exit(1 if broken else 0)


@main.command("nouvel-evenement", help="Crée le fichier d'une action à partir de quelques réponses, puis le vérifie.")
@click.option("--edition", "year", type=int, required=True, prompt="Année de l'édition", help="Année de l'édition, par exemple 2026.")
@click.option("--titre", prompt="Titre de l'action", help="Titre de l'action.")
@click.option("--type", "type_", prompt="Type (" + ", ".join(EVENT_TYPES) + ")", type=click.Choice(list(EVENT_TYPES)),
              help="Type d'action.")
@click.option("--debut", prompt="Début (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)", help="Début : 2026-09-15 ou 2026-09-15T14:00.")
@click.option("--fin", default="", help="Fin : dernier jour, date et heure, ou HH:MM le même jour.")
@click.option("--organisateur", prompt="Organisateur", help="Établissement ou structure qui organise.")
@click.option("--ville", default="", prompt="Ville (vide si l'action est en ligne)", help="Commune du lieu.")
@click.option("--code-postal", default="", help="Code postal du lieu (5 chiffres).")
@click.option("--lieu", default="", help="Nom du lieu (établissement, salle…).")
@click.option("--region", default="", help="Région du lieu (obligatoire avec une ville).")
@click.option("--en-ligne", default="", help="Lien pour suivre l'action en ligne (https://…).")
@click.option("--public", "audience", multiple=True, help="Public visé (répétable) : " + ", ".join(AUDIENCES) + ".")
@click.option("--nom", default=None, help="Nom du fichier, sans .md (par défaut : tiré du titre).")
@click.pass_obj
def nouvel_evenement(project: Path, year, titre, type_, debut, fin, organisateur, ville, code_postal, lieu, region,
                     en_ligne, audience, nom) -> None:
    from .scaffold import event_fields, new_event

    if ville and not region:
        region = click.prompt("Région")
    fields = event_fields(titre, type_, debut, fin or None, organisateur, ville or None, code_postal or None,
                          lieu or None, region or None, en_ligne or None, list(audience))
    try:
        path = new_event(project, year, fields, nom)
    except ContentError as error:
        click.echo(format_problems(error.problems, "aucun fichier n'a été écrit"), err=True)
        sys.exit(1)
    click.echo(f"Action créée : {path.relative_to(project).as_posix()} — ajoutez sa présentation sous l'en-tête.")


@main.command("nouvelle-edition", help="Crée le dossier d'une édition, à partir d'une précédente (--depuis).")
@click.argument("annee", type=int)
@click.option("--depuis", type=int, default=None, help="Édition de départ, par exemple 2025.")
@click.pass_obj
def nouvelle_edition(project: Path, annee: int, depuis: int | None) -> None:
    from .scaffold import new_edition

    try:
        path = new_edition(project, annee, depuis)
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Édition créée : {path.relative_to(project).as_posix()} — remplissez theme, start et end.")


@main.command(help="Transforme un tableur d'actions (.xlsx ou .csv, modèle dans modeles/) en fichiers d'actions. "
                   "Rien n'est écrit tant qu'une ligne est en erreur.")
@click.argument("tableur", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--edition", "year", type=int, required=True, help="Année de l'édition, par exemple 2026.")
@click.option("--ecrire-valides", is_flag=True, help="Écrire les lignes valides même si d'autres sont en erreur.")
@click.option("--remplacer", is_flag=True, help="Mettre à jour les actions existantes qui diffèrent du tableur "
                                                "(seulement les colonnes remplies).")
@click.option("--essai", is_flag=True, help="Tout vérifier et dire ce qui serait fait, sans rien écrire.")
@click.option("--rapport", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Écrire aussi le compte rendu ligne par ligne dans ce fichier CSV (s'ouvre dans le tableur).")
@click.pass_obj
def importer(project: Path, tableur: Path, year: int, ecrire_valides: bool, remplacer: bool, essai: bool,
             rapport: Path | None) -> None:
    from .importer import import_sheet, report_lines, report_table, summary

    report = import_sheet(project, year, tableur, write_valid=ecrire_valides, replace=remplacer, dry_run=essai)
    for line, is_problem in report_lines(report):
        click.echo(line, err=is_problem)
    if rapport:
        rapport.write_text(report_table(report), encoding="utf-8-sig", newline="")
    if report.rows:
        click.echo(summary(report))
    sys.exit(0 if report.ok else 1)


@main.command(help="Écrit toutes les pages (en données JSON) et tous les fichiers de données dans DOSSIER.")
@click.argument("dossier", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def exporter(project: Path, dossier: Path) -> None:
    from datetime import date

    from .build import build_site
    from .export import export

    try:
        site = build_site(project, today=date.today())
    except ContentError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"{export(site, dossier)} fichiers écrits dans {dossier}.")


@main.command(help="Écrit les schémas JSON des fichiers de contenu dans schemas/ (pour VS Code).")
@click.pass_obj
def schemas(project: Path) -> None:
    from .schema import schema_files

    folder = project / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    click.echo(f"{len(schema_files())} schémas écrits dans {folder}.")


if __name__ == "__main__":
    main(prog_name="python -m ssp")
