from __future__ import annotations

import pytest

from naungan.cases.names import name_token_hashes, name_tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hj. Siti Aminah binti Djoko", "Siti Aminah Joko"),
        ("Bpk. Tjahjono", "Cahyono"),
        ("Ibu Soekarni", "Sukarni"),
        ("Sjamsul", "Syamsul"),
        ("Achmad", "Akhmad"),
        ("Njoman", "Nyoman"),
        ("Jusuf", "Yusuf"),
        ("Muhammad", "Muhamad"),
        ("SÎTI", "siti"),
    ],
)
def test_old_spellings_titles_and_patronymics_normalise_alike(a, b):
    assert name_tokens(a) == name_tokens(b)


def test_titles_and_bin_are_dropped_but_names_kept():
    assert name_tokens("Hj. Aminah binti Ahmad") == ["aminah", "ahmad"]


def test_different_names_differ():
    assert name_tokens("Siti") != name_tokens("Sari")


def test_hashes_do_not_contain_the_name(db):
    hashes = name_token_hashes("Siti Aminah")
    assert len(hashes) == 2
    assert all("siti" not in h and len(h) == 64 for h in hashes)
