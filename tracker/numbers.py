"""Numbers as tracker writes them: whole values as integers in JSON and log lines,
and grouped digits for people."""

from __future__ import annotations

import math
import re

# The largest value (either way) an entry may carry and count: a thousand
# trillion, beyond any plan's numbers (亿元 included), and so far below a
# float's limit that no log's sum of such values can overflow to infinity.
LARGEST = 1e15


def plain_number(value: float | None):
    """A value for JSON: 120.0 → 120, so whole values read as whole."""
    if value.__class__ is float:  # nearly always: the float's own methods, no conversion
        return int(value) if value.is_integer() and -(2**53) < value < 2**53 else value
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


class PlainNumbers(dict):
    """Float → plain_number(float), each made once: looked up at C speed for the
    many lines of a big log that share few values (equal floats have one plain
    form: 0.0 and -0.0 are both 0). Floats only: 2.0**53 and 2**53 are one key."""

    def __missing__(self, value):
        plain = self[value] = plain_number(value)
        return plain


def grouped(value: float | None) -> str:
    """1320 → '1,320', 8.5 → '8.5', None → '—'."""
    if value is None:
        return "—"
    value = plain_number(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


# A number as people type it, once folded to ASCII: an optional sign, digits
# whose thousands may be grouped by commas (every three digits, the first group
# not a lone 0), an optional fraction and exponent. Only ASCII digits: `\d`
# would also take Arabic-Indic and other scripts' digits.
_NUMBER = re.compile(
    r"""[+-]?
        (?: (?: [1-9][0-9]{0,2}(?:,[0-9]{3})+ | [0-9]+ ) (?:\.[0-9]*)?  # 1,200 or 1200, 8.5
          | \.[0-9]+ )                                                 # .5
        (?: [eE][+-]?[0-9]+ )?""",
    re.VERBOSE,
)
# Full-width forms (U+FF01…U+FF5E: '８．５', '１，２００', '％') are the ASCII ones
# an input method typed wide; nothing else is folded. NFKC would fold far more:
# '²' → '2', '½' → '1⁄2', '①' → '1' — a superscript is not a number typed.
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _typed(text: str) -> str:
    return str(text).translate(_WIDE).strip()


def stray_percent(text: str, unit: str) -> bool:
    """Whether a value typed with a per-cent sign ('12%', '１２％') is meant for
    a goal not measured in per cent (3,000 人): a slip read_number would pass as 12."""
    return _typed(text).endswith("%") and unit.strip() not in ("%", "％")


def read_number(text: str) -> float | None:
    """A number as people write it — '120', '1,200', '８.５' (full width), '8.5%'
    — or None when it is not one (nor finite). A comma groups thousands only
    where it stands every three digits: '8,5' is not eight and a half read as
    85, it is refused (number_fix says how to write it)."""
    cleaned = _typed(text)
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned.replace(",", ""))
    return value if math.isfinite(value) else None


def number_fix(text: str) -> str:
    """The catalogue key of the hint for text read_number refused: a comma used
    as a decimal point (the European way, '8,5') is told so; anything else is
    asked for in digits."""
    cleaned = _typed(text).removesuffix("%")
    if "," in cleaned and re.fullmatch(r"[+-]?[0-9,]*[0-9][0-9,.]*", cleaned):
        return "comma_not_decimal"
    return "write_digits"


# Units that are counted in fractions (money, lengths, areas, weights): a count
# goal in one of them takes decimals without saying so (`decimals = 2`).
DECIMAL_UNITS = frozenset(
    {"亿元", "万元", "千元", "元", "美元", "万美元", "亿美元", "公里", "千米", "km", "米", "m",
     "平方米", "万平方米", "平方公里", "亩", "万亩", "公顷", "吨", "万吨", "立方米", "万立方米"}
)  # fmt: skip
DEFAULT_DECIMALS = 2
MAX_DECIMALS = 6


def exact(value: float | None, decimals: int) -> float | None:
    """A sum of values with at most `decimals` places, put back on that grid: the
    float nearest the exact decimal result, so 0.35 + 0.3 is 0.65, not
    0.6499999999999999. Exact because every input has at most `decimals`
    places (the rules refuse more) and float error is far below half a unit."""
    if value is None:
        return None
    if value.__class__ is float and value.is_integer():  # on every grid already
        return value + 0.0  # (round() with places is slow; a count's sum is nearly always whole)
    return round(value, decimals) + 0.0  # + 0.0: no negative zero


def places(value: float) -> int:
    """How many decimal places a value as typed has (8.5 → 1, 120 → 0)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        mantissa, exponent = text.lower().split("e")
        digits = len(mantissa.split(".")[1].rstrip("0")) if "." in mantissa else 0
        return max(0, digits - int(exponent))
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0
