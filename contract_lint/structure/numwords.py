"""Russian number words ↔ numbers, in every case and gender.

«десять тысяч пятьсот» → 10500, «тридцати пяти» → 35, «ноль целых пять десятых» → 0.5.
Used to compare the digits of an amount with the words in brackets after it.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from contract_lint.model import fold

# (value, rank): rank 1 units, 2 teens, 3 tens, 4 hundreds; forms are folded (ё → е).
_SMALL: dict[int, tuple[str, ...]] = {
    0: ("ноль", "нуль", "ноля", "нуля", "нолю", "нулю", "нолем", "нулем", "ноле", "нуле"),
    1: ("один", "одна", "одно", "одни", "одного", "одной", "одному", "одним", "одном", "одну",
        "одною", "одних", "одними"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трем", "тремя"),
    4: ("четыре", "четырех", "четырем", "четырьмя"),
}
_REGULAR = {  # nominative stem -> value; -ь/-и/-ью forms are generated
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
}
_EXTRA: dict[str, int] = {
    "восьми": 8, "восьмью": 8,
    "сорок": 40, "сорока": 40, "девяносто": 90, "девяноста": 90, "сто": 100, "ста": 100,
}
_TENS_COMPOUND = {"пять": 50, "шесть": 60, "семь": 70, "восемь": 80}
_HUNDREDS = {
    200: ("двести", "двухсот", "двумстам", "двумястами", "двухстах"),
    300: ("триста", "трехсот", "тремстам", "тремястами", "трехстах"),
    400: ("четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах"),
}
_HUNDRED_STEMS = {"пят": 500, "шест": 600, "сем": 700, "восем": 800, "девят": 900}
_SCALES = {"тысяч": 1000, "миллион": 1_000_000, "миллиард": 1_000_000_000}
_FRACTIONS = {"десят": 1, "сот": 2, "тысячн": 3}  # «пять десятых», «двадцать пять сотых»
_WHOLE = ("целая", "целых", "целой", "целую", "целым", "целыми")


def _rank(value: int) -> int:
    if value < 10:
        return 1
    if value < 20:
        return 2
    return 3 if value < 100 else 4


def _build_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for value, forms in _SMALL.items():
        words.update(dict.fromkeys(forms, value))
    for nom, value in _REGULAR.items():
        stem = nom[:-1]
        words.update({nom: value, stem + "и": value, stem + "ью": value})
    for stem, value in _TENS_COMPOUND.items():
        oblique = "восьми" if stem == "восемь" else stem[:-1] + "и"
        words.update({stem + "десят": value, oblique + "десяти": value,
                      stem[:-1] + "ьюдесятью": value, "восемьюдесятью": 80})
    words.update(_EXTRA)
    for value, forms in _HUNDREDS.items():
        words.update(dict.fromkeys(forms, value))
    for stem, value in _HUNDRED_STEMS.items():
        oblique = "восьм" if stem == "восем" else stem
        words.update({stem + "ьсот": value, oblique + "исот": value, oblique + "истам": value,
                      stem + "ьюстами": value, oblique + "истах": value})
    words["восьмьюстами"] = 800
    return words


WORDS: dict[str, int] = _build_words()
_WORD_RE = regex.compile(r"[а-яё]+", regex.IGNORECASE)


def scale_of(word: str) -> int | None:
    """Return 1000 for «тысячами», 10**6 for «миллионов»..., None for other words."""
    for stem, value in _SCALES.items():
        if word.startswith(stem) and len(word) - len(stem) <= 4 and not word.startswith("тысячн"):
            return value
    return None


def _fraction_digits(word: str) -> int | None:
    for stem, digits in _FRACTIONS.items():
        if word.startswith(stem) and word[len(stem):] in ("ая", "ой", "ую", "ых", "ым", "ыми", "ые"):
            return digits
    return None


def parse_integer(words: list[str]) -> int | None:
    """Return the integer named by folded number words, or None if they are not one number."""
    if not words:
        return None
    total, group, last_rank = 0, 0, 9
    for word in words:
        scale = scale_of(word)
        if scale is not None:
            if total and scale >= _smallest_scale(total):
                return None
            total += (group or 1) * scale
            group, last_rank = 0, 9
            continue
        value = WORDS.get(word)
        if value is None:
            return None
        rank = _rank(value)
        if rank >= last_rank or (rank == 2 and last_rank == 3) or (value == 0 and (group or total)):
            return None
        group += value
        last_rank = 1 if rank == 2 else rank  # nothing smaller may follow a teen
    return total + group


def _smallest_scale(total: int) -> int:
    for scale in (1000, 1_000_000, 1_000_000_000):
        if total % (scale * 1000):
            return scale
    return 1_000_000_000


def leading_number_words(text: str) -> tuple[list[str], str]:
    """Split `text` into its leading number words (folded) and the rest."""
    words: list[str] = []
    pos = 0
    for m in _WORD_RE.finditer(text):
        if text[pos:m.start()].strip(" ,"):
            break
        word = fold(m.group())
        if word not in WORDS and scale_of(word) is None and word not in _WHOLE \
                and _fraction_digits(word) is None:
            break
        words.append(word)
        pos = m.end()
    return words, text[pos:]


def parse_number(words: list[str]) -> Decimal | None:
    """Return the number named by words, with «целых … десятых/сотых» fractions."""
    whole_at = next((i for i, w in enumerate(words) if w in _WHOLE), None)
    if whole_at is None:
        if words and _fraction_digits(words[-1]) is not None:
            return _fraction(words, 0)
        value = parse_integer(words)
        return None if value is None else Decimal(value)
    whole = parse_integer(words[:whole_at])
    frac = _fraction(words[whole_at + 1:], whole)
    return None if whole is None or frac is None else frac


def _fraction(words: list[str], whole: int) -> Decimal | None:
    if len(words) < 2:
        return None
    digits = _fraction_digits(words[-1])
    numerator = parse_integer(words[:-1])
    if digits is None or numerator is None or numerator >= 10 ** digits:
        return None
    return Decimal(whole) + Decimal(numerator).scaleb(-digits)


def words_to_number(text: str) -> Decimal | None:
    """Return the number spelt out at the start of `text` («десяти тысяч рублей» → 10000)."""
    words, _ = leading_number_words(text)
    return parse_number(words)


_UNITS_NOM = ("ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь",
              "девять", "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
              "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать")
_TENS_NOM = ("", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
             "восемьдесят", "девяносто")
_HUNDREDS_NOM = ("", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
                 "восемьсот", "девятьсот")


def _triple(n: int, feminine: bool) -> list[str]:
    words = [_HUNDREDS_NOM[n // 100]] if n >= 100 else []
    rest = n % 100
    if rest >= 20:
        words.append(_TENS_NOM[rest // 10])
        rest %= 10
        if not rest:
            return words
    if rest or not words:
        unit = _UNITS_NOM[rest]
        if feminine and rest in (1, 2):
            unit = "одна" if rest == 1 else "две"
        words.append(unit)
    return words


def _scale_word(n: int, forms: tuple[str, str, str]) -> str:
    if n % 100 in range(11, 20) or n % 10 in (0, 5, 6, 7, 8, 9):
        return forms[2]
    return forms[0] if n % 10 == 1 else forms[1]


def number_to_words(n: int) -> str:
    """Return the nominative Russian words for a non-negative integer (10500 → «десять тысяч пятьсот»)."""
    if n == 0:
        return "ноль"
    words: list[str] = []
    scales = ((10**9, ("миллиард", "миллиарда", "миллиардов"), False),
              (10**6, ("миллион", "миллиона", "миллионов"), False),
              (1000, ("тысяча", "тысячи", "тысяч"), True))
    for size, forms, feminine in scales:
        count, n = divmod(n, size)
        if count:
            words += _triple(count, feminine) + [_scale_word(count, forms)]
    if n:
        words += _triple(n, False)
    return " ".join(words)
