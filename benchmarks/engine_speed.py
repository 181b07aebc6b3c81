"""Engine speed: analysis + 100 generated phrase/regex rules over a 20,000-word contract.

Prints the time after start-up (models loaded, caches warm) and tokens/s, next to
the floor: 100 plain `regex` patterns over the same text. Target: <= 0.3 s.

Run: python benchmarks/engine_speed.py
"""

from __future__ import annotations

import random
import time
from typing import Callable

import regex

from contract_lint.engine import Engine, EngineOptions
from contract_lint.findings import Severity
from contract_lint.matchers.context import DocContext
from contract_lint.model import Document
from contract_lint.packs import Rule
from contract_lint.parsers.plain import paragraphs_to_document

SENTENCES = [
    "Исполнитель обязуется оказать услуги в разумный срок",
    "Заказчик оплачивает услуги по мере выполнения работ на основании счёта",
    "Стороны несут ответственность в соответствии с действующим законодательством Российской Федерации",
    "За нарушение сроков Исполнитель уплачивает пеню в размере 0,1% от суммы за каждый день просрочки",
    "Порядок доставки определяется по договорённости сторон",
    "Результат работ передаётся по акту сдачи-приёмки в течение 5 (пяти) рабочих дней",
    "Исполнитель вправе привлекать третьих лиц с письменного согласия Заказчика",
    "Уведомления направляются по электронной почте, указанной в разделе 12",
    "Гарантийный срок составляет 12 месяцев с даты подписания Акта",
    "Стоимость работ определяется Спецификацией (Приложение № 1) и не может быть изменена в одностороннем порядке",
    "Заказчик согласовывает макет в течение 2 рабочих дней",
    "Иные работы выполняются по согласованию сторон",
]
PHRASES = [
    "в разумный срок", "в (кратчайший|короткий) срок", "по мере выполнения", "по договорённости сторон",
    "по согласованию сторон", "в одностороннем порядке", "надлежащим образом", "при необходимости",
    "и иные (работа|услуга)", "действующим законодательством", "за каждый день просрочки",
    "акт сдачи-приемки", "в течение N [рабочих] дней", "гарантийный срок", "третьих лиц",
    "письменного согласия", "электронной почте", "пеню в размере", "на основании счёта", "[в] полном объёме",
]
REGEXES = [
    r"\bпо факту\b", r"у\.е\.", r"по курсу", r"\d+(?:,\d+)?\s?%", r"\bсвоевременно\b", r"\bоперативно\b",
    r"по возможности", r"в ближайшее время", r"№\s*_+", r"\[●\]", r"\{\{[^}]*\}\}", r"\(указать\)",
    r"\bи т\.\s?д\.", r"\bи прочее\b", r"без уведомления", r"\bсчет[ау]?\b", r"\bпени?\b", r"\bштраф", r"\bнеустойк",
    r"\bприложени[еяи] № \d+",
]


def make_rules(n: int = 100) -> list[Rule]:
    """Return n rules: alternating phrase and regex checks over the lists above."""
    rules = []
    for i in range(n):
        if i % 2 == 0:
            kind, options = "phrase", [PHRASES[(i // 2) % len(PHRASES)]]
        else:
            kind, options = "regex", [REGEXES[(i // 2) % len(REGEXES)]]
        rules.append(Rule(id=f"B{i:03d}", name=f"bench-{i}", category="TERM-VAGUE", severity=Severity.WARNING,
                          title="bench", message="{match}", kind=kind, options=options, pack="bench", path="<bench>"))
    return rules


NOUNS = (
    "договор услуга работа акт счёт срок оплата стоимость цена сторона заказчик исполнитель подрядчик "
    "поставщик покупатель товар партия поставка приёмка претензия неустойка пеня штраф убыток ущерб "
    "обязательство гарантия недостаток дефект результат документ уведомление письмо заявка спецификация "
    "приложение пункт раздел статья порядок объём этап график отчёт представитель доверенность адрес "
    "реквизит банк платёж задолженность аванс сумма процент расчёт налог лицензия право собственность "
    "информация сведение тайна оборудование материал помещение территория персонал сотрудник специалист"
).split()
ADJECTIVES = (
    "настоящий письменный электронный надлежащий существенный дополнительный технический коммерческий "
    "гарантийный разумный календарный рабочий банковский окончательный промежуточный ежемесячный "
    "полный частичный необходимый соответствующий указанный согласованный уполномоченный"
).split()
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _inflected(rng: random.Random, word: str) -> str:
    """Return `word` in a random case and number (pymorphy3), to get a realistic vocabulary."""
    from contract_lint.nlp import morph

    parsed = morph().parse(word)[0]
    form = parsed.inflect({rng.choice(CASES), rng.choice(("sing", "plur"))})
    return form.word if form else word


def _random_sentence(rng: random.Random) -> str:
    words = [_inflected(rng, rng.choice(ADJECTIVES)) if rng.random() < 0.4 else "" for _ in range(6)]
    nouns = [_inflected(rng, rng.choice(NOUNS)) for _ in range(6)]
    parts = [f"{a} {n}".strip() for a, n in zip(words, nouns)]
    number = f"{rng.randint(1, 90)} ({rng.choice(['пяти', 'десяти', 'тридцати'])}) дней"
    text = f"{parts[0].capitalize()} {parts[1]} в течение {number} с {rng.randint(1, 28)}.{rng.randint(1, 12):02d}.2025 {parts[2]}, {parts[3]} и {parts[4]} {parts[5]}"
    return text


def make_contract(words: int = 20_000, seed: int = 1) -> list[str]:
    """Return paragraphs of a generated contract of about `words` words (half templates, half random)."""
    rng = random.Random(seed)
    paragraphs, count, clause = [], 0, 0
    while count < words:
        clause += 1
        sentences = [rng.choice(SENTENCES) if rng.random() < 0.5 else _random_sentence(rng) for _ in range(rng.randint(1, 3))]
        body = ". ".join(sentences) + "."
        paragraphs.append(f"{clause // 10 + 1}.{clause % 10 + 1}. {body}")
        count += len(body.split())
    return paragraphs


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    """Return the best wall time of `runs` calls of `work` and its last result."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    doc = paragraphs_to_document(make_contract(), path="bench.txt")
    t0 = time.perf_counter()
    engine = Engine(make_rules(), EngineOptions())
    engine.lint(paragraphs_to_document(["Прогрев: в разумный срок по мере выполнения."]))  # load models
    startup = time.perf_counter() - t0
    cold, _ = best_of(1, lambda: engine.lint(doc))  # the lemma cache learns this vocabulary
    best, (findings, _) = best_of(5, lambda: engine.lint(doc))
    analysis, ctx = best_of(5, lambda: _analysed(doc))
    tokens = len(ctx.tokens)
    patterns = [regex.compile(p, regex.IGNORECASE) for p in REGEXES * 5]
    floor, floor_hits = best_of(5, lambda: sum(1 for p in patterns for _ in p.finditer(ctx.folded)))
    print(f"document: {len(doc.text.split())} words, {tokens} tokens, {len(doc.blocks)} blocks, "
          f"{len({t.norm for t in ctx.tokens if t.is_word})} distinct word forms")
    print(f"start-up (spaCy + pymorphy3 load, 100 rules compiled): {startup:.2f} s")
    print(f"engine, first run on this document (cold lemma cache): {cold:.3f} s")
    print(f"analysis only (tokens + lemma sets, warm cache): {analysis:.3f} s = {tokens / analysis:,.0f} tokens/s")
    print(f"engine, 100 rules (50 phrase + 50 regex), incl. analysis: {best:.3f} s "
          f"= {tokens / best:,.0f} tokens/s, {len(findings)} findings  (target <= 0.3 s)")
    print(f"floor, 100 plain regex patterns on the folded text: {floor:.3f} s, {floor_hits} matches")


def _analysed(doc: Document) -> DocContext:
    ctx = DocContext(doc)
    _ = ctx.tokens
    return ctx


if __name__ == "__main__":
    main()
