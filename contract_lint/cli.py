"""The command line: arguments -> api -> reporter -> exit code. Nothing else lives here."""

from __future__ import annotations

import typer
from typer.core import TyperCommand

from contract_lint import __version__
from contract_lint.cli_help import HelpCommand, HelpGroup, russian_panels

app = typer.Typer(
    name="contract-lint",
    help="Линтер договоров: находит условия, из-за которых начинаются споры.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    cls=HelpGroup,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"contract-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Показать версию и выйти."),
) -> None:
    """Линтер договоров (DOCX, PDF, ODT, TXT): сроки, объём, оплата, ответственность."""


# --- commands are registered below; each lives in its own module -------------------

from contract_lint import rules_cli  # noqa: E402

rules_cli.register(app)

from contract_lint import dump as dump_cli  # noqa: E402

dump_cli.register(app)

from contract_lint import watch_cli  # noqa: E402

watch_cli.register(app)

from contract_lint import annotate_cli  # noqa: E402

annotate_cli.register(app)

from contract_lint import check_cli  # noqa: E402

check_cli.register(app)


russian_panels()
for _info in app.registered_commands:  # one help style on every screen (cli_help.py)
    if _info.cls in (None, TyperCommand):
        _info.cls = HelpCommand


def main() -> None:
    """Entry point of the `contract-lint` console script."""
    app()


if __name__ == "__main__":
    main()
