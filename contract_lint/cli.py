"""The command line: arguments -> api -> reporter -> exit code. Nothing else lives here."""

from __future__ import annotations

import typer

from contract_lint import __version__

app = typer.Typer(
    name="contract-lint",
    help="Линтер договоров: находит условия, из-за которых начинаются споры.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"contract-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
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


def main() -> None:
    """Entry point of the `contract-lint` console script."""
    app()


if __name__ == "__main__":
    main()
