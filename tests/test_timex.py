"""The TIMEX3 helpers: the validator against generated values, formatting and arithmetic."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factex.normalize.timex import GRAINS, fmt, is_timex, shift, truncate

moments = st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(2999, 12, 1))


@given(moments, st.sampled_from(GRAINS))
def test_every_formatted_point_is_valid(dt: datetime, grain: str) -> None:
    assert is_timex(fmt(dt, grain))


@given(moments, moments, st.sampled_from(("day", "month", "year", "minute")))
def test_intervals_are_valid_only_forwards(a: datetime, b: datetime, grain: str) -> None:
    lo, hi = sorted((a, b))
    assert is_timex(f"{fmt(lo, grain)}/{fmt(hi, grain)}")
    assert is_timex(f"../{fmt(hi, grain)}") and is_timex(f"{fmt(lo, grain)}/..")
    if fmt(lo, grain) != fmt(hi, grain):
        assert not is_timex(f"{fmt(hi, grain)}/{fmt(lo, grain)}")


@given(moments, st.sampled_from(GRAINS))
def test_truncate_is_idempotent_and_keeps_the_value(dt: datetime, grain: str) -> None:
    start = truncate(dt, grain)
    assert truncate(start, grain) == start
    assert fmt(start, grain) == fmt(dt, grain)


@pytest.mark.parametrize(
    "value",
    [
        "2018-7-2",
        "18-07-02",
        "2018-00",
        "2018-02-29",
        "2018-Q5",
        "2018-H3",
        "2018-XX",
        "2018-W00",
        "2018/2017",
        "2018-07-02T25:00",
        "2018-07-02T10",
        "abc",
        "../..",
        "2018//2019",
    ],
)
def test_invalid_values(value: str) -> None:
    assert not is_timex(value)


@pytest.mark.parametrize(
    ("dt", "grain", "n", "expected"),
    [
        (datetime(2018, 3, 31), "month", -1, datetime(2018, 2, 28)),
        (datetime(2018, 12, 15), "quarter", 1, datetime(2019, 3, 15)),
        (datetime(2018, 7, 3, 23, 30), "hour", 1, datetime(2018, 7, 4, 0, 30)),
        (datetime(2016, 2, 29), "year", 1, datetime(2017, 2, 28)),
    ],
)
def test_shift(dt: datetime, grain: str, n: int, expected: datetime) -> None:
    assert shift(dt, grain, n) == expected
