"""Small-cell suppression (DESIGN §13): cells below 5, and the complementary cell."""

from __future__ import annotations

from naungan.stats.queries.suppression import suppress_cells, suppress_value


def test_supervisors_see_every_number() -> None:
    assert suppress_cells({"F": 3, "M": 9}, suppress=False, total=12) == {"F": 3, "M": 9}


def test_cells_below_five_are_hidden_zero_included() -> None:
    cells = suppress_cells({"a": 0, "b": 4, "c": 5, "d": 12}, suppress=True, partition=False)
    assert cells == {"a": None, "b": None, "c": 5, "d": 12}
    assert suppress_value(4, suppress=True) is None
    assert suppress_value(5, suppress=True) == 5


def test_one_hidden_part_beside_its_total_hides_the_smallest_shown_part_too() -> None:
    # 20 = 3 + 7 + 10: with only "F" hidden it would be 20 - 7 - 10.
    cells = suppress_cells({"F": 3, "M": 7, "unknown": 10}, suppress=True, total=20)
    assert cells == {"F": None, "M": None, "unknown": 10}
    # Nothing shown can recover either hidden part.
    shown = sum(v for v in cells.values() if v is not None)
    assert 20 - shown == 10  # only their sum is known, never each


def test_two_hidden_parts_need_no_complementary_cell() -> None:
    cells = suppress_cells({"a": 1, "b": 2, "c": 8, "d": 9}, suppress=True, total=20)
    assert cells == {"a": None, "b": None, "c": 8, "d": 9}


def test_parts_that_do_not_add_up_to_the_total_are_not_complemented() -> None:
    # Multi-select (violence types): an incident may be in several rows.
    cells = suppress_cells({"a": 3, "b": 7}, suppress=True, total=8, partition=False)
    assert cells == {"a": None, "b": 7}


def test_a_small_total_hides_every_part() -> None:
    cells = suppress_cells({"a": 2, "b": 2}, suppress=True, total=4)
    assert cells == {"a": None, "b": None}
