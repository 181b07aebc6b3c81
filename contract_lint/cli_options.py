"""Options shared by several commands, defined once so their help stays the same."""

from __future__ import annotations

import typer

from contract_lint.reporters import FORMATS as REPORT_FORMATS

FORMAT_HELP = "Формат отчёта: " + " | ".join(REPORT_FORMATS) + ". Можно повторять, каждый со своим --output."
FORMATS = typer.Option(None, "--format", "-f", help=FORMAT_HELP)
OUTPUTS = typer.Option(None, "--output", "-o", help="Файл для отчёта предыдущего --format (иначе — экран).")
CONFIG = typer.Option(
    None, "--config", help="Файл настроек (иначе .contract-lint.yaml / pyproject.toml выше по дереву)."
)
FAIL_ON = typer.Option(None, "--fail-on", help="error | warning | info | never")
SELECT = typer.Option(None, "--select", help="Только эти правила: код, имя, категория, префикс, пакет.")
IGNORE = typer.Option(None, "--ignore", help="Исключить правила (как --select).")
PACK = typer.Option(None, "--pack", help="Дополнительный пакет правил (папка).")
SIDE = typer.Option(None, "--side", help="customer | contractor: важность замечаний для вашей стороны.")
LANG = typer.Option(None, "--lang", help="Язык отчёта: ru | en.")
NO_BUILTIN = typer.Option(False, "--no-builtin", help="Не загружать встроенные пакеты правил.")
PASSWORD = typer.Option(None, "--password", help="Пароль PDF.")
OCR = typer.Option(False, "--ocr", help="Распознавать сканы (OCR, tesseract).")
EXCLUDE = typer.Option(None, "--exclude", help="Пропустить файлы и папки по маске (можно повторять).")
