"""Penalty rates per period (check kind penalty_rate)."""

from __future__ import annotations

from structure_helpers import run


def test_rate_per_day_with_base_between() -> None:
    hits = run("penalty_rate", ["7.2. Исполнитель уплачивает пеню в размере 0,1% от суммы за каждый день просрочки."])
    assert hits == [("0,1% от суммы за каждый день", {"rate": "0,1", "period": "день", "annual_rate": "36,5"})]


def test_rate_in_words_and_period_after() -> None:
    text = "Неустойка составляет 0,5 (ноль целых пять десятых) процента от стоимости Работ за каждый день просрочки."
    [(match, values)] = run("penalty_rate", [text])
    assert match == "0,5 (ноль целых пять десятых) процента от стоимости Работ за каждый день"
    assert values == {"rate": "0,5", "period": "день", "annual_rate": "182,5"}


def test_period_before_rate() -> None:
    text = "За каждый день просрочки Заказчик уплачивает пени в размере 0,5 процента от суммы долга."
    [(match, values)] = run("penalty_rate", [text])
    assert match.startswith("За каждый день просрочки") and match.endswith("0,5 процента")
    assert values["annual_rate"] == "182,5"


def test_week_month_and_calendar_day() -> None:
    week = run("penalty_rate", ["Штраф 1% в неделю от суммы задолженности."])
    assert week == [("1% в неделю", {"rate": "1", "period": "неделю", "annual_rate": "52"})]
    month = run("penalty_rate", ["Пени 2 % за каждый месяц просрочки."])
    assert month[0][1] == {"rate": "2", "period": "месяц", "annual_rate": "24"}
    calendar = run("penalty_rate", ["ПЕНИ 3% ЗА КАЖДЫЙ КАЛЕНДАРНЫЙ ДЕНЬ ПРОСРОЧКИ"])
    assert calendar[0][1] == {"rate": "3", "period": "календарный день", "annual_rate": "1095"}


def test_working_day_counts_working_days_a_year() -> None:
    [(match, values)] = run("penalty_rate", ["Пени 0,1 % за каждый рабочий день задержки оплаты."])
    assert match == "0,1 % за каждый рабочий день"
    assert values["annual_rate"] == "24,7"


def test_min_annual_rate_filters() -> None:
    paragraphs = ["6.1. Пени 0,1% за каждый день просрочки.", "6.2. Неустойка 1% за каждый день просрочки."]
    assert [v["rate"] for _, v in run("penalty_rate", paragraphs)] == ["0,1", "1"]
    assert [v["rate"] for _, v in run("penalty_rate", paragraphs, {"min_annual_rate": 50})] == ["1"]
    assert run("penalty_rate", paragraphs, {"min_annual_rate": 365}) == [("1% за каждый день", {"rate": "1", "period": "день", "annual_rate": "365"})]


def test_not_penalties() -> None:
    assert run("penalty_rate", ["Скидка 1% за каждый месяц сотрудничества."]) == []
    assert run("penalty_rate", ["Штраф 10% от стоимости, уплачиваемый в день подписания акта о нарушении."]) == []
    assert run("penalty_rate", ["Неустойка — 3% от цены Договора единовременно."]) == []
    assert run("penalty_rate", ["НДС 20% уплачивается за каждый месяц."]) == []


def test_offsets_point_into_the_document_text() -> None:
    paragraphs = ["1.1. Текст.", "7.2. Исполнитель уплачивает пеню 0,2% за каждый день просрочки."]
    [(match, _)] = run("penalty_rate", paragraphs)
    assert match == "0,2% за каждый день"


def test_cap_after_the_period_is_not_the_rate() -> None:
    text = ("Поставщик уплачивает пени в размере 1/300 ключевой ставки ЦБ РФ от суммы долга "
            "за каждый день просрочки, но не более 5 % от суммы долга.")
    [(match, values)] = run("penalty_rate", [text])
    assert match == "1/300 ключевой ставки ЦБ РФ от суммы долга за каждый день"
    assert values == {"rate": "0,07", "period": "день", "annual_rate": "25,55"}
    assert run("penalty_rate", ["За каждый день просрочки начисляется неустойка, но не более 5% от стоимости."]) == []


def test_rate_before_the_cap_still_found() -> None:
    text = "За каждый день просрочки Покупатель уплачивает пени в размере 0,5 % от суммы долга, но не более 10 %."
    [(_, values)] = run("penalty_rate", [text])
    assert values["rate"] == "0,5"


def test_key_rate_fractions_in_digits_and_words() -> None:
    words = ("За каждый день просрочки Поставщик уплачивает пени в размере одной трёхсотой "
             "действующей ключевой ставки Банка России.")
    assert run("penalty_rate", [words])[0][1]["annual_rate"] == "25,55"
    [(_, values)] = run("penalty_rate", ["Пени — 1/30 ставки рефинансирования за каждый день просрочки."])
    assert values == {"rate": "0,7", "period": "день", "annual_rate": "255,5"}
    [(_, values)] = run("penalty_rate", ["Пени — 1/300 ставки за каждый день просрочки."], {"key_rate": 15})
    assert values["annual_rate"] == "18,25"
    assert run("penalty_rate", ["Пени — 1/300 ставки за каждый день просрочки."], {"min_annual_rate": 100}) == []


def test_period_without_each() -> None:
    [(match, values)] = run("penalty_rate", ["Пени — 0,2 % от суммы долга за день просрочки."])
    assert match == "0,2 % от суммы долга за день"
    assert values["annual_rate"] == "73"
    [(_, values)] = run("penalty_rate", ["Неустойка 0,5% за каждый последующий день просрочки."])
    assert values["annual_rate"] == "182,5"
