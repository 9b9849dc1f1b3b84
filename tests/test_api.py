"""The library API: what CONTRIBUTING shows runs, and the Workspace keeps to its own home."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asmo_cli import AsmoError, Workspace

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"


def _contributing_script() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Als bibliotheek") :]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None, "CONTRIBUTING.md: no python block under 'Als bibliotheek'"
    return found.group(1)


def test_the_contributing_script_runs(tmp_path: Path) -> None:
    """Run in a fresh process, in a folder holding only the answers file: it writes the report
    and the plan into its own home, and names the strongest roles."""
    script = _contributing_script()
    assert len(script.strip().splitlines()) <= 12
    shutil.copyfile(ANSWERS, tmp_path / "voorbeeld-antwoorden.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("ASMO_HOME", "ASMO_DATA_DIR")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    names = {Path(line).name for line in lines[:-1]}
    assert {"rapport.pdf", "radar.png", "rapport.md", "scores.json", "ontwikkelplan.pdf"} <= names
    assert all(Path(line).parent == Path("proef/rapport") for line in lines[:-1])
    assert lines[-1].startswith("Sterkste rollen: ") and len(lines[-1]) > len("Sterkste rollen: ")
    records = list((tmp_path / "proef" / "assessments").glob("*.yaml"))
    assert len(records) == 1


def test_a_workspace_keeps_to_its_own_home(tmp_path: Path) -> None:
    """Two workspaces in one process: each sees only its own records; the environment's home
    (the test's) is untouched."""
    env_home = Path(os.environ["ASMO_HOME"])
    before = sorted(env_home.rglob("*")) if env_home.exists() else []
    one, two = Workspace(home=tmp_path / "een"), Workspace(home=tmp_path / "twee")
    record = one.create_from_answers(ANSWERS)
    assert [r.id for r in one.records()] == [record.id]
    assert two.records() == []
    written = one.report(record.id, formats=("md", "json"))
    assert written is not None
    assert all(p.is_relative_to(tmp_path / "een" / "rapporten") for p in written.paths)
    with pytest.raises(AsmoError):
        two.get(record.id)
    assert (sorted(env_home.rglob("*")) if env_home.exists() else []) == before


def test_workspace_methods_return_what_they_wrote(tmp_path: Path) -> None:
    work = Workspace(home=tmp_path / "home")
    record = work.create_from_answers(ANSWERS)
    sent = work.invite(record.id, ["Jan de Boer"], out=tmp_path / "uit")
    assert [(s.giver, s.page.name, s.paper.name) for s in sent] == [
        ("Jan de Boer", "uitnodiging-jan-de-boer.html", "uitnodiging-jan-de-boer.pdf")
    ]
    assert all(s.page.is_file() and s.paper.is_file() for s in sent)
    hours = work.hours(record.id, out=tmp_path / "uit")
    assert sorted(p.name for p in hours.paths) == [
        "tijdsbesteding.md",
        "tijdsbesteding.pdf",
        "tijdsbesteding.png",
    ]
    team = work.team([work.record_path(record)], out=tmp_path / "team")
    assert {p.name for p in team.paths} == {"team.pdf", "team.md", "team.png", "team.json"}
    deleted = work.delete(record.id)
    assert deleted is not None and work.record_path(record) in deleted.removed
    assert work.records() == []
    assert work.validate().problems == ()


def test_the_package_exports_the_api_without_loading_it() -> None:
    """``import asmo_cli`` (done by every start of the program) loads no layer below it."""
    code = (
        "import sys, asmo_cli; print(sorted(m for m in sys.modules if m.startswith('asmo_cli.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_save_hours_checks_like_a_file_and_keeps_the_record_readable(tmp_path: Path) -> None:
    """Hours from a script are checked as a file of hours is: an unknown or unselected area,
    or a negative number, is refused with a Dutch line, and nothing is saved."""
    work = Workspace(home=tmp_path / "home")
    record = work.create_from_answers(ANSWERS)
    before = work.record_path(record).read_bytes()
    for bad in ({"bestaat-niet": 2.0}, {"archief": -5.0}, {"archief": 200.0}):
        with pytest.raises(AsmoError) as caught:
            work.save_hours(record.id, bad)
        assert "hours_per_week" in " ".join((caught.value.message, *caught.value.details))
        assert work.record_path(record).read_bytes() == before
    area = next(iter(record.ratings))
    saved = work.save_hours(record.id, {area: 6.0}, 24.0)
    again = work.get(record.id)
    assert again.hours_per_week == {area: 6.0} == saved.hours_per_week
    assert again.contract_hours_per_week == 24.0 and again.is_complete


def test_add_feedback_keeps_answers_files_with_their_record(tmp_path: Path) -> None:
    """An answers file from the invitation page (made here as the page makes it) is kept
    with the record, counted in the report, and given twice it replaces itself."""
    import json

    work = Workspace(home=tmp_path / "home")
    record = work.create_from_answers(ANSWERS)
    ratings = {t: dict.fromkeys(acts, 4) for t, acts in record.ratings.items()}
    answers = {  # the format of the page's answers file (see CONTRIBUTING)
        "asmo_feedback": 1,
        "record": record.id,
        "questionnaire_version": record.catalogue_version,
        "response_id": "r-1",
        "giver_role": "voorzitter",
        "name": "Jan de Boer",
        "ratings": ratings,
        "comments": {},
    }
    path = tmp_path / "antwoord.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    kept = work.add_feedback([path])
    assert [(k.record.id, k.response.giver, k.replaced) for k in kept] == [
        (record.id, "de voorzitter (Jan de Boer)", False)
    ]
    assert [r.giver for r in work.feedback(record)] == ["de voorzitter (Jan de Boer)"]
    assert work.add_feedback([path])[0].replaced
    assert len(work.feedback(record)) == 1
