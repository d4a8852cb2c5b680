"""The public form says "Yang bertanda * wajib diisi": every field a report needs carries the
mark, seen (*) and heard ("wajib", aria-required), and the optional ones do not."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

REQUIRED = ["kind", "reporter_relation", "description", "violence_types"]
REQUIRED_IF_NAMED = ["reporter_name", "reporter_phone"]
OPTIONAL = ["victim_age", "victim_sex", "incident_date", "kecamatan", "location_detail"]


def _field(html: str, name: str) -> str:
    """The markup of one field: from its wrapper to the next field's (or the form's end)."""
    block = re.search(rf'id="f-{name}">(.*?)(?:id="f-|</form>)', html, re.S)
    assert block, name
    return block.group(1)


def _label(html: str, name: str) -> str:
    field = _field(html, name)
    label = re.search(r"<(legend|label)[^>]*>(.*?)</\1>", field, re.S)
    assert label, name
    return label.group(2)


def test_the_note_promises_the_mark(client: Client) -> None:
    assert "Yang bertanda * wajib diisi." in client.get("/lapor/").content.decode()


@pytest.mark.parametrize("name", REQUIRED + REQUIRED_IF_NAMED)
def test_a_required_field_is_marked_for_eyes_and_screen_readers(client: Client, name: str) -> None:
    label = _label(client.get("/lapor/").content.decode(), name)
    assert '<span class="req" aria-hidden="true">*</span>' in label
    assert '<span class="visually-hidden"> (wajib)</span>' in label


@pytest.mark.parametrize("name", REQUIRED_IF_NAMED)
def test_name_and_phone_say_when_they_are_required(client: Client, name: str) -> None:
    assert "bila tidak anonim" in _label(client.get("/lapor/").content.decode(), name)


@pytest.mark.parametrize("name", OPTIONAL)
def test_an_optional_field_has_no_mark(client: Client, name: str) -> None:
    assert "*" not in _label(client.get("/lapor/").content.decode(), name)


def test_the_story_box_is_aria_required(client: Client) -> None:
    html = client.get("/lapor/").content.decode()
    textarea = re.search(r'<textarea[^>]*name="description"[^>]*>', html)
    assert textarea
    assert 'aria-required="true"' in textarea.group(0)
