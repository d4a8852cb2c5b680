"""Name normalisation for fuzzy search before create (DESIGN §4).

Names are compared as keyed hashes of normalised tokens, so the database never holds a
searchable plaintext name. Normalisation: lower case without accents or punctuation; titles
(Hj., Bpk., Ibu …) and bin/binti dropped; old spellings folded onto one form (oe→u, dj→j,
ch→kh, tj→c, sj→sy, nj→ny, and old j→y — since a lone "j" may be old "y" or modern "j", both
are folded onto "y"); doubled letters collapsed (Muhammad/Muhamad)."""

from __future__ import annotations

import re
import unicodedata

from naungan.core.crypto import keyed_hash

TITLES = frozenset(
    {
        "hj", "h", "haji", "hajah", "hajjah", "bpk", "bapak", "pak", "ibu", "bu", "sdr",
        "sdri", "saudara", "saudari", "tn", "tuan", "nn", "nona", "ny", "nyonya",
        "alm", "almh", "dr", "drs", "dra", "ir", "prof",
    }
)  # fmt: skip
PATRONYMIC = frozenset({"bin", "binti", "bt", "bte"})
# Order matters: "tj" and "dj" before the lone j; "ch" before "tj" so "tjh" is not re-read.
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("oe", "u"),
    ("dj", "j"),
    ("ch", "kh"),
    ("tj", "c"),
    ("j", "y"),  # also turns sj→sy and nj→ny
)
_NON_LETTER = re.compile(r"[^a-z\s]+")
_DOUBLE = re.compile(r"(.)\1+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def name_tokens(name: str) -> list[str]:
    """Normalised tokens of ``name`` (titles and bin/binti removed), in order, de-duplicated."""
    words = _NON_LETTER.sub(" ", _fold(name or "").replace(".", ". ")).split()
    out: list[str] = []
    for word in words:
        if word in TITLES or word in PATRONYMIC:
            continue
        for old, new in SPELLINGS:
            word = word.replace(old, new)
        word = _DOUBLE.sub(r"\1", word)
        if len(word) >= 2 and word not in out:
            out.append(word)
    return out


def name_token_hashes(name: str) -> list[str]:
    return [keyed_hash(token, purpose="name-token") for token in name_tokens(name)]
