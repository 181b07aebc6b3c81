"""Document language: detection, packs chosen by language, --language, the JSON field, lazy analysers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contract_lint import language, nlp
from contract_lint.cli import app
from contract_lint.engine import Engine, EngineOptions
from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult
from contract_lint.packs import rule_from_data
from contract_lint.parsers.plain import paragraphs_to_document

RU = "Исполнитель обязуется оказать услуги, а Заказчик — принять и оплатить их в течение 10 рабочих дней."
UK = "Виконавець зобов'язується надати послуги, а Замовник — прийняти їх та оплатити протягом 10 робочих днів."
EN = "The Contractor shall provide the services and the Customer shall accept and pay for them within 10 business days."

EN_CONTRACT = """\
SERVICES AGREEMENT

1. SUBJECT
1.1. The Contractor shall provide the services described in this Agreement.
1.2. The scope of the services shall be as agreed between the Parties.

2. TERMS
2.1. The Contractor shall remedy any defects within a reasonable time.
2.2. The Customer shall pay each invoice within 10 days of receipt.
2.3. The Supplier shall pay a penalty of 0.5% of the order value for each day of delay.
2.4. The Provider may amend these Terms at any time.
2.5. The fee is USD [●] per month.
"""
RU_CONTRACT = """\
ДОГОВОР ОКАЗАНИЯ УСЛУГ

1. ПРЕДМЕТ ДОГОВОРА
1.1. Исполнитель устраняет недостатки в разумный срок.
1.2. Оплата производится по мере выполнения работ.
"""
EN_EXPECTED = [
    ("EN004", "SCOPE-BY-AGREEMENT", "1.2", "as agreed between the Parties"),
    ("EN001", "TERM-VAGUE", "2.1", "within a reasonable time"),
    ("EN002", "TERM-DAYS-TYPE", "2.2", "10 days"),
    ("EN007", "LIAB-PENALTY-NO-CAP", "2.3", "0.5% of the order value for each day"),
    ("EN009", "UNILATERAL-CHANGE", "2.4", "may amend these Terms at any time"),
    ("EN008", "DOC-PLACEHOLDER", "2.5", "[●]"),
]


def _check_json(*args: str) -> dict:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json", "--jobs", "1", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _spans(entry: dict) -> list[tuple[str, str, str | None, str]]:
    return [(f["rule"], f["category"], f["location"]["clause"], f["match"]) for f in entry["findings"]]


# --- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [(RU, "ru"), (UK, "uk"), (EN, "en")])
def test_detects_the_language_of_a_paragraph(text: str, expected: str) -> None:
    assert language.detect(text) == expected


def test_ukrainian_without_its_own_letters_is_told_by_its_words() -> None:
    # no і ї є ґ here: «та», «що», «протягом» decide
    assert language.detect("Сторони домовились, що оплата та поставка виконуються протягом року.") == "uk"


def test_russian_quoting_an_english_name_stays_russian() -> None:
    text = "Исполнитель (ООО «Пробный Софт», Probe Soft LLC) обязуется передать Заказчику права на ПО."
    assert language.detect(text) == "ru"


@pytest.mark.parametrize("text", ["", "12.03.2026", "№ 5/7", "SLA"])
def test_too_little_text_gives_the_default(text: str) -> None:
    assert language.detect(text) == language.DEFAULT == "ru"


def test_forced_language_wins_over_detection() -> None:
    assert language.resolve("en", [RU]) == "en"
    assert language.resolve("auto", [RU]) == "ru"
    assert language.resolve(None, [EN]) == "en"


def test_pack_runs_on_its_language_or_everywhere_when_any() -> None:
    assert language.runs_on("ru", "ru") and language.runs_on("any", "uk")
    assert not language.runs_on("ru", "en") and not language.runs_on("en", "ru")


# --- the engine and the analysers ------------------------------------------------------------


def _rule(rule_id: str, check: dict, lang: str) -> object:
    data = {"id": rule_id, "name": rule_id.lower(), "category": "TERM-VAGUE", "severity": "info",
            "title": "t", "message": "m", "check": check}
    return rule_from_data(data, "p", "<t>", {}, language=lang)


def test_engine_runs_only_the_rules_of_the_document_language() -> None:
    rules = [_rule("RU1", {"regex": "срок"}, "ru"), _rule("EN1", {"regex": "time"}, "en"),
             _rule("ANY1", {"regex": r"\b10\b"}, "any")]
    engine = Engine(rules)
    ru_doc = paragraphs_to_document(["Срок — 10 дней, time is money."])
    en_doc = paragraphs_to_document(["The term is 10 days, time is of the essence."])
    assert [f.rule for f in engine.lint(ru_doc)[0]] == ["RU1", "ANY1"]
    assert [f.rule for f in engine.lint(en_doc)[0]] == ["ANY1", "EN1"]
    forced = Engine(rules, EngineOptions(document_language="en"))
    assert [f.rule for f in forced.lint(ru_doc)[0]] == ["ANY1", "EN1"]


def test_phrase_rule_uses_the_analyser_of_the_document_language() -> None:
    en = Engine([_rule("EN1", {"phrase": ["agree between the party"]}, "en")])
    uk = Engine([_rule("UK1", {"phrase": ["договір"]}, "uk")])
    en_doc = paragraphs_to_document(["Delivery terms are as agreed between the Parties."])
    uk_doc = paragraphs_to_document(["Умови поставки визначаються у цьому договорі та додатках до договору."])
    assert [f.match for f in en.lint(en_doc)[0]] == ["agreed between the Parties"]
    assert [f.match for f in uk.lint(uk_doc)[0]] == ["договорі", "договору"]


def test_english_lemmas_undo_plurals_and_simple_inflections() -> None:
    assert {"party"} <= nlp.lemmas_of("Parties", "en")
    assert {"agree"} <= nlp.lemmas_of("agreed", "en") & nlp.lemmas_of("agreeing", "en")
    assert {"submit"} <= nlp.lemmas_of("submitted", "en")
    assert nlp.lemmas_of("SLA", "en") == frozenset({"sla"})


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match='--language: "fr" is not one of auto, ru, uk, en'):
        Engine([], EngineOptions(document_language="fr"))
    with pytest.raises(LookupError, match='no analyser for language "fr"'):
        nlp.analyser("fr")


def test_file_result_keeps_its_language_through_the_cache_format() -> None:
    result = FileResult("a.txt", "txt", [], None, "en")
    assert result.to_dict()["language"] == "en"
    assert FileResult.from_dict(result.to_dict()).language == "en"
    assert FileResult.from_dict({"path": "old.txt"}).language is None


# --- through the CLI ----------------------------------------------------------------------


@pytest.fixture()
def contracts(tmp_path: Path) -> dict[str, Path]:
    from docx import Document as Docx

    paths = {"en": tmp_path / "services.txt", "ru": tmp_path / "uslugi.txt", "docx": tmp_path / "uslugi.docx",
             "uk": tmp_path / "posluhy.txt"}
    paths["en"].write_text(EN_CONTRACT, encoding="utf-8")
    paths["ru"].write_text(RU_CONTRACT, encoding="utf-8")
    paths["uk"].write_text(UK + "\n", encoding="utf-8")
    docx = Docx()
    for line in RU_CONTRACT.splitlines():
        docx.add_paragraph(line)
    docx.save(str(paths["docx"]))
    return paths


def test_english_contract_gets_only_english_findings(contracts: dict[str, Path]) -> None:
    (entry,) = _check_json(str(contracts["en"]))["files"]
    assert entry["language"] == "en"
    assert _spans(entry) == EN_EXPECTED


@pytest.mark.parametrize("kind", ["ru", "docx"])
def test_russian_contract_gets_only_russian_findings(contracts: dict[str, Path], kind: str) -> None:
    (entry,) = _check_json(str(contracts[kind]))["files"]
    assert entry["language"] == "ru" and entry["format"] == ("txt" if kind == "ru" else "docx")
    spans = _spans(entry)
    assert not any(rule.startswith("EN") for rule, *_ in spans)
    assert ("TERM001", "TERM-VAGUE", "1.1", "в разумный срок") in spans
    assert ("PAY001", "PAY-AS-PERFORMED", "1.2", "по мере выполнения") in spans


def test_ukrainian_contract_runs_no_russian_or_english_pack(contracts: dict[str, Path]) -> None:
    (entry,) = _check_json(str(contracts["uk"]))["files"]
    assert (entry["language"], entry["findings"]) == ("uk", [])


def test_language_option_forces_the_packs(contracts: dict[str, Path]) -> None:
    (forced_en,) = _check_json(str(contracts["ru"]), "--language", "en")["files"]
    assert (forced_en["language"], forced_en["findings"]) == ("en", [])
    (forced_ru,) = _check_json(str(contracts["en"]), "--language", "ru")["files"]
    assert forced_ru["language"] == "ru"
    assert not any(rule.startswith("EN") for rule, *_ in _spans(forced_ru))


def test_bad_language_option_exits_2(contracts: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["check", str(contracts["en"]), "--language", "fr", "--jobs", "1", "--no-cache"])
    assert result.exit_code == 2
    assert '--language: "fr" is not one of auto, ru, uk, en' in result.stderr


def test_user_pack_with_language_any_runs_on_every_document(contracts: dict[str, Path], tmp_path: Path) -> None:
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: mine\nname: Mine\nlanguage: any\n", encoding="utf-8")
    (pack / "usd-amount.yaml").write_text(
        "id: MINE001\nname: usd-amount\ncategory: PAY-CURRENCY\ntitle: t\nmessage: m\n"
        "check:\n  regex: '\\b(?:usd|руб[а-я]*|днів|days)\\b'\n"
        "examples:\n  flag: [USD 5]\n  pass: [EUR 5]\n",
        encoding="utf-8",
    )
    data = _check_json(str(contracts["en"]), str(contracts["uk"]), "--no-builtin", "--pack", str(pack))
    assert [(e["language"], [f["match"] for f in e["findings"]]) for e in data["files"]] == [
        ("en", ["days", "USD"]), ("uk", ["днів"]),
    ]


# --- laziness: a pack never loads another language's analyser -------------------------------------


def _loaded_after_lint(paragraphs: list[str]) -> list[str]:
    code = (
        "import sys\n"
        "from contract_lint import nlp\n"
        "from contract_lint.api import lint_document, load_rules\n"
        "from contract_lint.engine import Engine, EngineOptions\n"
        "from contract_lint.parsers.plain import paragraphs_to_document\n"
        "engine = Engine(load_rules(EngineOptions()))\n"
        "before = sorted(nlp._LOADED), 'spacy' in sys.modules, 'pymorphy3' in sys.modules\n"
        f"result = lint_document(paragraphs_to_document({paragraphs!r}), engine)\n"
        "print(result.language, len(result.findings) > 0, *before, sorted(nlp._LOADED), 'pymorphy3' in sys.modules,"
        " 'spacy.lang.en' in sys.modules, 'spacy.lang.ru' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return out.split()


def test_english_document_never_loads_the_russian_analyser() -> None:
    got = _loaded_after_lint(EN_CONTRACT.splitlines())
    # compiling every built-in rule loads no analyser; linting English loads only English
    assert got == ["en", "True", "[]", "False", "False", "['en']", "False", "True", "False"]


def test_russian_document_never_loads_the_english_analyser() -> None:
    got = _loaded_after_lint(RU_CONTRACT.splitlines())
    assert got == ["ru", "True", "[]", "False", "False", "['ru']", "True", "False", "True"]


def test_sentence_splitter_knows_english_abbreviations() -> None:
    from contract_lint.sentences import split_text

    text = "ARTICLE 5. PAYMENT. The Customer pays e.g. by wire, i.e. USD. See Sec. 4 and Art. 3 of Annex No. 2. Mr. Smith signs for Probe Soft Ltd. Then it ends."
    assert [text[a:b] for a, b in split_text(text)] == [
        "ARTICLE 5. PAYMENT.", "The Customer pays e.g. by wire, i.e. USD.", "See Sec. 4 and Art. 3 of Annex No. 2.",
        "Mr. Smith signs for Probe Soft Ltd.", "Then it ends.",
    ]


@pytest.mark.parametrize("order", [("ru", "uk"), ("uk", "ru")])
def test_russian_and_ukrainian_dictionaries_live_in_one_process(order: tuple[str, str]) -> None:
    # pymorphy3 shares its Tag class between dictionaries; the second load must not break the first
    code = (
        "from contract_lint import nlp\n"
        f"for lang in {order!r}:\n"
        "    nlp.morph(lang)\n"
        "ru = nlp.morph('ru').parse('Москва')[0].tag\n"
        "print('Geox' in ru, sorted(nlp.lemmas_of('договору', 'uk')), sorted(nlp.lemmas_of('договору', 'ru')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "['договір']", "['договор']"]


def test_bilingual_russian_english_contract_is_linted_as_russian() -> None:
    pairs = [RU, EN] * 3 + [EN]  # two columns, the English one a little longer
    assert language.detect("\n".join(pairs)) == "ru"
    assert language.detect("\n".join([EN] * 3 + ["Исполнитель: ООО «Пробный Софт»"])) == "en"


def test_pack_with_an_unknown_language_is_a_located_error(tmp_path: Path) -> None:
    from contract_lint.errors import RulePackError
    from contract_lint.packs import load_packs

    (tmp_path / "pack.yaml").write_text("id: bad\nname: Bad\nlanguage: russian\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r'pack.yaml:3: language: "russian" is not one of any, ru, uk, en'):
        load_packs([tmp_path], builtin=False)


def test_built_in_packs_declare_their_languages() -> None:
    from contract_lint.packs import load_packs

    packs = {p.id: p for p in load_packs()}
    assert (packs["ru"].language, packs["en"].language) == ("ru", "en")
    assert {r.language for r in packs["en"].rules} == {"en"}
    assert len(packs["en"].rules) == 10
    assert all(len(r.flag_examples) >= 4 and len(r.pass_examples) >= 4 for r in packs["en"].rules)
