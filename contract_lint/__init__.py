"""contract-lint: a linter for contracts."""

__version__ = "0.1.0"
