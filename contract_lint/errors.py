"""Typed errors. Each carries a one-line, user-facing message naming the file and the fix."""

from __future__ import annotations


class ContractLintError(Exception):
    """Base class of every error contract-lint reports to the user (exit code 2)."""


class ConfigError(ContractLintError):
    """A configuration file is invalid."""


class RulePackError(ContractLintError):
    """A rule pack or rule file is invalid; the message starts with `file:line:`."""


class DocumentError(ContractLintError):
    """A document cannot be read; the message says why and what to do."""

    def __init__(self, path: str, reason: str, hint: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """Return `path: reason — hint` on one line."""
        text = f"{self.path}: {self.reason}"
        if self.hint:
            text += f" — {self.hint}"
        return text.replace("\n", " ")
