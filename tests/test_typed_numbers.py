"""Numbers as people type them, read in one place (tracker.numbers.read_number)
for every path that takes one: `tracker log`, a workbook's text cell and a CSV
cell. A comma groups thousands only where it stands every three digits; a
decimal comma ('8,5', the European way) is refused with a hint, never read as
85; only ASCII and full-width digits are digits ('²' is not 2); and a plan's
number beyond what an entry may carry is refused by `check`."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINI, log_records, write_plan
from tracker.numbers import LARGEST, read_number

pytestmark = pytest.mark.usefixtures("english")

LEVEL = "finance.general-spending-cut"  # a level in %: 8.5 is a reading


# ── the reader, over the space of inputs ─────────────────────────────────────


@given(st.integers(0, 10**12))
def test_digits_grouped_by_three_read_as_written(number):
    assert read_number(f"{number:,}") == number
    assert read_number(f"{number:,}.25") == number + 0.25


def _groups_thousands(groups: list[str]) -> bool:
    return groups[0][0] != "0" and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


@given(
    st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=2, max_size=4).filter(
        lambda groups: not _groups_thousands(groups)
    )
)
def test_a_comma_that_does_not_group_thousands_is_refused(groups):
    """'8,5', '1,20', '0,500', '12,000,00': a decimal comma or a slip, never a
    number with the comma dropped."""
    assert read_number(",".join(groups)) is None


@given(st.characters(categories=["No", "Nd"]).filter(lambda c: not "0" <= c <= "9"))
def test_only_ascii_and_full_width_digits_are_digits(char):
    """A superscript, a circled or another script's digit is not a digit typed:
    NFKC would read '²' as 2."""
    if "０" <= char <= "９":
        assert read_number(char) == ord(char) - ord("０")
    else:
        assert read_number(char) is None and read_number(f"1{char}") is None


# ── every path that takes a typed number ─────────────────────────────────────

REFUSED = {
    "decimal comma": ("8,5", "a comma only groups thousands"),
    "comma every two digits": ("1,20", "a comma only groups thousands"),
    "superscript": ("²", "write digits"),
}


@pytest.mark.parametrize("text, hint", REFUSED.values(), ids=REFUSED.keys())
def test_log_refuses_a_number_it_would_misread(run, data, text, hint):
    err = run("log", LEVEL, text, "--date", "2020-06-30", code=3).stderr
    assert f"VALUE: '{text}' is not a number ({hint}" in err
    assert log_records(data) == []


@pytest.mark.parametrize("text, hint", REFUSED.values(), ids=REFUSED.keys())
def test_a_sheet_refuses_a_number_it_would_misread(run, data, tmp_path, text, hint):
    csv = tmp_path / "form.csv"
    csv.write_text(f"编号,累计值或读数,日期\n{LEVEL},{text!r},2020-06-30\n".replace("'", '"'),
                   encoding="utf-8")  # fmt: skip
    err = run("log", "--from-csv", str(csv), code=3).stderr
    assert f"{csv}!B2: '{text}' is not a number ({hint}" in err
    book = openpyxl.Workbook()
    book.active.append(["编号", "累计值或读数", "日期"])
    book.active.append([LEVEL, text, "2020-06-30"])  # a text cell, as typed in WPS
    book.save(tmp_path / "form.xlsx")
    err = run("log", "--from-xlsx", str(tmp_path / "form.xlsx"), code=3).stderr
    assert f"!B2: '{text}' is not a number ({hint}" in err
    assert log_records(data) == []


def test_thousands_and_full_width_still_read(run, data):
    run("log", "jobs.training", "1,200", "--date", "2020-06-30", code=0)
    run("log", LEVEL, "８．５", "--date", "2020-06-30", code=0)
    assert [r["value"] for r in log_records(data)] == [1200, 8.5]


# ── the plan ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "old, new, key, line",
    [
        ("target = 3000\n", "target = 1e308\n", "target", 21),
        ("target = 3000\n", "target = 3000\ntrajectory = [{date = 2020-06-30, value = 1e300}]\n",
         "trajectory", 22),
    ],
)  # fmt: skip
def test_check_refuses_a_plan_number_no_entry_could_carry(run, data, old, new, key, line):
    write_plan(data, MINI.replace(old, new, 1))
    out = run("check", code=3).stdout
    assert f"goals.toml:{line}: '{key}' is beyond what tracker tracks (at most {LARGEST:g}" in out
    assert "0" * 30 not in run("goals", code=3).stdout + run("goals", code=3).stderr
