"""Help screens in one language: Russian --help text, no «<bool>»/«<list[str]>» type labels, ARG names.

Typer labels every option with its Python type (`--quiet <bool>` reads as if it took a
value) and Click's own `--help` line is English on an otherwise Russian screen.
`HelpCommand` and `HelpGroup` tidy both when the help is shown; parsing is unchanged.
"""

from __future__ import annotations

from typing import Any

from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup

HELP_TEXT = "Показать эту справку и выйти."
_VALUE_LABELS = {"<str>": "ТЕКСТ", "<path>": "ПУТЬ", "<int>": "ЧИСЛО", "<float>": "ЧИСЛО",
                 "<list[str]>": "ТЕКСТ", "<list[Path]>": "ПУТЬ", "<Path>": "ПУТЬ"}
_PANEL_WORDS = {"ARGUMENTS_PANEL_TITLE": "Аргументы", "OPTIONS_PANEL_TITLE": "Параметры",
                "COMMANDS_PANEL_TITLE": "Команды", "REQUIRED_LONG_STRING": "[обязательно]",
                "DEFAULT_STRING": "[по умолчанию: {}]"}


def russian_panels() -> None:
    """Name typer's help panels and markers in Russian (read by typer when it draws a help screen)."""
    for name, text in _PANEL_WORDS.items():
        if hasattr(rich_utils, name):  # a future typer may rename them; the help then stays English there
            setattr(rich_utils, name, text)


def tidy_params(params: list[Any], ctx: Any) -> list[Any]:
    """Give flags no type label, values a word label, arguments an upper-case name; Russian --help."""
    for param in params:
        if isinstance(param, TyperArgument):
            if param.metavar is None:
                param.metavar = param.name.upper()  # typer adds {…} / […] and «...» on the usage line
                param.display_type_rich = lambda ctx: None  # the upper-case name says it; no «<list[Path]>»
            continue
        if getattr(param, "is_flag", False) and not getattr(param, "count", False):
            if param.metavar is None:
                param.metavar = ""
            if "--help" in param.opts:
                param.help = HELP_TEXT
        elif param.metavar is None and hasattr(param, "display_type"):
            try:
                param.metavar = _VALUE_LABELS.get(param.display_type(ctx), None)
            except Exception:  # noqa: BLE001 - a label is cosmetic; never break parsing over it
                pass
    return params


class HelpCommand(TyperCommand):
    """A command whose help screen follows `tidy_params`."""

    def get_params(self, ctx):  # type: ignore[no-untyped-def]
        return tidy_params(super().get_params(ctx), ctx)


class HelpGroup(TyperGroup):
    """The top-level group, with the same help conventions."""

    def get_params(self, ctx):  # type: ignore[no-untyped-def]
        return tidy_params(super().get_params(ctx), ctx)
