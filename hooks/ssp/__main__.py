"""Command-line tool for editors: `python -m ssp <commande>` (run through make: `make verifier`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .problems import ContentError



@click.group(help="Outils de la Semaine de la sécurité des patients, pour les équipes qui tiennent le contenu.")
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
