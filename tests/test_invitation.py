"""The feedback invitation page as text: what it holds, what it never holds, and its escaping.

The page is checked without a browser here; tests/test_invitation_browser.py fills it in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from asmo_cli.core.catalogue import Catalogue, ScaleLevel
from asmo_cli.core.record import RatingMap, Record
from asmo_cli.render.invitation import ROLE_IDS, render_invitation, script_json, third_person

from .conftest import REPO
from .helpers import rated, record_with

CHOSEN: dict[str, int | list[int | None]] = {
    "bewaken-afspraken": [4, 3, 5],
    "correspondentie": [1, 2, None, 5],
    "archief": 2,
}
HOSTILE = "Fen<script>alert(\"x\")</script> 'Q' & \u2028 </script><!-- <b>vet</b>"


class Page(HTMLParser):
    """The parts of a page: every tag with its attributes, the text, the scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._in != "style":
            self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def data(self) -> dict[str, Any]:
        (body,) = [b for a, b in self.scripts if a.get("type") == "application/json"]
        value: dict[str, Any] = json.loads(body)
        return value

    def first(self, tag: str) -> dict[str, str | None]:
        return next(attrs for name, attrs in self.tags if name == tag)


@pytest.fixture
def record(catalogue: Catalogue) -> Record:
    return record_with(
        catalogue,
        datetime(2026, 11, 23, 18, 16, 7),
        rated(catalogue, CHOSEN),
        name="Fenna de Vries",
    )


def _texts(page: Page, tag: str, html: str) -> list[str]:
    """The text of every element ``tag`` (one level, no nesting), from the raw HTML."""
    parts = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, flags=re.S)
    return [Page(part).all_text for part in parts]


def test_lists_the_chosen_activities_and_no_others(catalogue: Catalogue, record: Record) -> None:
    html = render_invitation(catalogue, record, "Jan")
    page = Page(html)
    chosen = {a.name for t in CHOSEN for a in catalogue.task(t).activities}
    legends = _texts(page, "legend", html)
    for name in chosen:
        assert any(legend.startswith(name) for legend in legends), name
    others = {a.name for t in catalogue.tasks if t.id not in CHOSEN for a in t.activities} - chosen
    assert others
    for name in others:
        assert name not in page.all_text, name
    for task in catalogue.tasks:
        assert (task.name in _texts(page, "h2", html)) == (task.id in CHOSEN), task.id
    data = page.data()
    assert data["record"] == record.id == "20261123-181607"
    assert data["version"] == record.catalogue_version
    assert data["file"] == "feedback-20261123-181607"
    assert data["roles"] == list(ROLE_IDS)
    assert data["tasks"] == [
        {"id": t.id, "activities": [a.id for a in t.activities]}
        for t in catalogue.tasks
        if t.id in CHOSEN
    ]
    assert sum("Hoe goed doet Fenna dit?" in legend for legend in legends) == len(chosen)


def test_every_catalogue_activity_even_one_the_record_lacks(catalogue: Catalogue) -> None:
    """A record of an older catalogue: unknown areas are left out, missing activities asked."""
    archief = catalogue.task("archief")
    ratings: RatingMap = {"archief": {archief.activities[0].id: 3}, "verdwenen": {"oud": 4}}
    old = replace(
        record_with(catalogue, datetime(2025, 1, 2, 3, 4, 5), rated(catalogue, {"archief": 3})),
        ratings=ratings,
        catalogue_version="2026.1",
    )
    data = Page(render_invitation(catalogue, old, None)).data()
    assert data["version"] == "2026.1"
    assert data["tasks"] == [{"id": "archief", "activities": [a.id for a in archief.activities]}]


def test_holds_no_self_ratings(catalogue: Catalogue, record: Record) -> None:
    html = render_invitation(catalogue, record, "Jan")
    page = Page(html)

    def numbers(value: Any) -> list[Any]:
        if isinstance(value, dict):
            return [n for v in value.values() for n in numbers(v)]
        if isinstance(value, list):
            return [n for v in value for n in numbers(v)]
        return [value] if not isinstance(value, str) else []

    data = page.data()
    assert data.pop("format") == 1  # the answers file's asmo_feedback; no other number
    assert numbers(data) == []
    assert not any("checked" in attrs for _, attrs in page.tags)
    other_stars: RatingMap = {t: dict.fromkeys(acts, 1) for t, acts in record.ratings.items()}
    assert render_invitation(catalogue, replace(record, ratings=other_stars), "Jan") == html


def test_names_are_escaped_everywhere(catalogue: Catalogue, record: Record) -> None:
    hostile = replace(record, name=HOSTILE, id="2026</script><b>x")
    html = render_invitation(catalogue, hostile, HOSTILE)
    page = Page(html)
    assert [name for name, _ in page.tags].count("script") == 2
    assert "b" not in [name for name, _ in page.tags]
    assert "<!--" not in html
    assert "\u2028" not in html
    shown = " ".join(HOSTILE.split())  # on one line: U+2028 is a line break
    assert _texts(page, "h1", html) == [f"Feedback voor {shown}"]
    assert f"Beste {shown}," in page.all_text
    first = shown.split()[0]
    assert f"Hoe goed doet {first} dit?" in page.all_text
    data = page.data()
    assert data["as"] == first
    assert data["record"] == "2026</script><b>x"
    assert data["file"] == "feedback-2026-script-b-x"
    assert "Expert" in data["scale"]["5"] and first in data["scale"]["5"]
    (_, body) = page.scripts[0]
    assert "<" not in body and ">" not in body and "&" not in body


def test_script_json_is_inert_and_round_trips() -> None:
    value = {"a": "</script><!-- & \u2028 \u2029 > 'q' \"d\"", "b": [1, None]}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_fetches_nothing_and_posts_nowhere(catalogue: Catalogue, record: Record) -> None:
    html = render_invitation(catalogue, record, "Jan")
    page = Page(html)
    lowered = html.lower()
    for forbidden in (
        "http:",
        "https:",
        "//",
        "@import",
        "fetch(",
        "xmlhttprequest",
        "websocket",
        "eventsource",
        "sendbeacon",
        "import(",
        "<form",
        "<iframe",
        "<link",
        "<img",
        "<object",
        "<embed",
        "<base",
        "<audio",
        "<video",
        "srcset",
        "window.open",
        "location",
    ):
        assert forbidden not in lowered, forbidden
    assert not re.search(r"(?<![a-z])url\(", lowered)  # CSS url(); createObjectURL is fine
    for tag, attrs in page.tags:
        for attr in ("src", "href", "action", "formaction", "poster", "data", "background"):
            assert attrs.get(attr) in (None, "#"), (tag, attr)
    metas = [a for t, a in page.tags if t == "meta"]
    (csp,) = [a for a in metas if a.get("http-equiv") == "Content-Security-Policy"]
    policy = {
        part.split()[0]: part.split()[1:] for part in str(csp["content"]).split(";") if part.strip()
    }
    scripts = [body for attrs, body in page.scripts if "type" not in attrs]
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [digest(s) for s in scripts]
    assert policy["style-src"] == [digest(s) for s in styles]
    assert policy["img-src"] == ["data:"]
    assert policy["form-action"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert lowered.index("content-security-policy") < lowered.index("<style>")


def test_dutch_phone_friendly_and_keyboard_usable(catalogue: Catalogue, record: Record) -> None:
    html = render_invitation(catalogue, record, "Jan")
    page = Page(html)
    assert page.first("html")["lang"] == "nl"
    metas = [a for t, a in page.tags if t == "meta"]
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in metas
    assert page.first("meta") == {"charset": "utf-8"}
    text = page.all_text
    assert "Beste Jan," in text
    for phrase in (
        "Niets verlaat deze computer of telefoon totdat je het bestand (of de tekst) zelf naar "
        "Fenna stuurt.",
        "Bewaar mijn antwoorden",
        "Kopieer als tekst",
        "Kan ik niet beoordelen",
        "Beheerst dit zo goed dat Fenna het anderen kan leren.",
    ):
        assert phrase in text, phrase
    radios = [a for t, a in page.tags if t == "input" and a.get("type") == "radio"]
    assert sorted(str(a["value"]) for a in radios if a["name"] == "giver-role") == sorted(ROLE_IDS)
    activities = sum(len(catalogue.task(t).activities) for t in CHOSEN)
    stars = [a for a in radios if str(a["name"]).startswith("r-")]
    assert len(stars) == activities * 6
    assert html.count('<fieldset class="act">') == activities
    assert html.count("<legend>") == activities + 1  # and the role
    assert html.count("<label") == len(radios) + 1 + len(CHOSEN) + 1  # name, comments, copy
    for tag, attrs in page.tags:
        if tag == "textarea" or (tag == "input" and attrs.get("type") == "text"):
            assert f'<label for="{attrs["id"]}"' in html, attrs
    buttons = [a for t, a in page.tags if t == "button"]
    assert [b["id"] for b in buttons] == ["save", "copy"]
    assert all(b["type"] == "button" for b in buttons)


def test_without_names(catalogue: Catalogue, record: Record) -> None:
    page = Page(render_invitation(catalogue, replace(record, name=None), None))
    text = page.all_text
    assert "Hallo," in text and "Beste" not in text
    assert "Feedback voor de ambtelijk secretaris" in text
    assert "De ambtelijk secretaris vraagt je om feedback." in text
    assert "Hoe goed doet de ambtelijk secretaris dit?" in text
    assert "zo goed dat de ambtelijk secretaris het anderen kan leren" in text
    assert page.data()["as"] == "de ambtelijk secretaris"
    blank = Page(render_invitation(catalogue, replace(record, name="  "), " \u2028 "))
    assert "Hallo," in blank.all_text and "Feedback voor de ambtelijk secretaris" in blank.all_text


def test_the_scale_in_the_third_person(catalogue: Catalogue) -> None:
    for level in catalogue.scale:
        text = third_person(level, "Fenna")
        assert text.startswith("Beheerst "), text
        assert not re.search(r"\b(ik|mij|mijn|heb|ben)\b", text, flags=re.I), text
    assert third_person(ScaleLevel(1, "Vaak", "Ik doe dit vaak."), "Fenna") == ""
    assert third_person(ScaleLevel(1, "Basis", "Ik heb de basis."), "Fenna") == "Heeft de basis."


def test_the_page_ships_in_the_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("asmo_cli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("invitation.py", "invitation.js", "invitation.css"):
        assert f"asmo_cli/render/{name}" in names
