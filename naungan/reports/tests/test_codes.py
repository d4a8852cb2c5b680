from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from naungan.reports.codes import (
    ALPHABET,
    pin_hash,
    pin_matches,
    pin_new,
    tracking_code_new,
    tracking_code_normalize,
)


def test_new_codes_are_canonical_and_valid() -> None:
    for _ in range(200):
        code = tracking_code_new()
        assert tracking_code_normalize(code) == code
        assert tracking_code_normalize(code.lower().replace("-", " ")) == code
        assert tracking_code_normalize(code[3:]) == code


@given(st.integers(min_value=3, max_value=10), st.sampled_from(ALPHABET))
def test_one_mistyped_character_is_caught(position: int, replacement: str) -> None:
    code = tracking_code_new()
    if position in (7,) or code[position] == replacement:
        return
    typo = code[:position] + replacement + code[position + 1 :]
    assert tracking_code_normalize(typo) is None


def test_pin_is_digits_and_checked_by_keyed_hash() -> None:
    pin = pin_new()
    assert pin.isdigit()
    assert len(pin) >= 6
    stored = pin_hash(pin)
    assert pin not in stored
    assert pin_matches(pin, stored)
    assert not pin_matches(pin + "0", stored)
    assert not pin_matches(pin, None)
