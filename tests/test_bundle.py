"""The one-folder program (``python3 dev.py bundle``) runs without any Python.

It is built as a user builds it (a venv of its own under build/, PyInstaller from the
registry), then started from another folder with an empty environment whose PATH holds no
python: assess from answers, report, plan, hours and a feedback invitation, and the PDFs read
back.

SLOW: about 40 s for the build on two cores (more the first time, when dev.py makes the
bundle's venv). Skipped, with the reason, when PyInstaller cannot be installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "dev.py", "bundle", "--dist", str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode and "pyinstaller" in done.stderr.lower() and "No matching" in done.stderr:
        pytest.skip("PyInstaller cannot be installed here (no registry): dev.py bundle")
    assert done.returncode == 0, done.stdout + done.stderr
    found = dist / "asmo" / ("asmo.exe" if os.name == "nt" else "asmo")
    assert found.is_file(), done.stdout
    return found


def run(program: Path, home: Path, cwd: Path, *args: str) -> str:
    empty = home.parent / "geen-python"
    empty.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": str(empty)}
    if os.name == "nt":  # Windows needs its own folders to start any program
        env |= {k: os.environ[k] for k in ("SYSTEMROOT", "LOCALAPPDATA", "USERPROFILE")}
    done = subprocess.run(
        [str(program), *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    text = done.stdout + done.stderr
    assert done.returncode == 0, (args, text)
    assert "Traceback" not in text and "Warning" not in text, (args, text)
    return text


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_bundle_runs_the_whole_flow_without_python(program: Path, tmp_path: Path) -> None:
    assert shutil.which("python3", path=str(tmp_path / "geen-python")) is None
    home, elsewhere = tmp_path / "home", tmp_path / "ergens"
    home.mkdir()
    elsewhere.mkdir()
    answers = elsewhere / "antwoorden.yaml"
    shutil.copy(ANSWERS, answers)
    out = elsewhere / "rapport"

    assert "asmo 0.1" in run(program, home, elsewhere, "--version")
    assert "Penvoerder" in run(program, home, elsewhere, "roles")
    said = run(program, home, elsewhere, "assess", "--answers", answers.name, "--out", str(out))
    # its hints name it as she can start it again: by its path from another folder
    assert f"{program} plan" in " ".join(said.split()), said
    (record,) = (home / ".local" / "share" / "asmo" / "assessments").glob("*.yaml")
    run(program, home, elsewhere, "report", record.stem, "--out", str(out))
    run(program, home, elsewhere, "plan", record.stem, "--out", str(out))
    hours = elsewhere / "uren.yaml"
    hours.write_text(
        "hours_per_week:\n  correspondentie: 4\ncontract_hours_per_week: 20\n", encoding="utf-8"
    )
    run(program, home, elsewhere, "hours", record.stem, "--file", hours.name, "--out", str(out))
    run(program, home, elsewhere, "feedback", "invite", record.stem, "--out", str(out))

    # and as ./asmo in its own folder
    again = run(program, home, program.parent, "assess", "--answers", str(answers))
    assert ("./asmo plan" if os.name != "nt" else ".\\asmo.exe plan") in again, again

    assert "Penvoerder" in pdf_text(out / "rapport.pdf")
    assert "Ontwikkelplan" in pdf_text(out / "ontwikkelplan.pdf")
    assert "Correspondentie" in pdf_text(out / "tijdsbesteding.pdf")
    invitations = list(out.glob("uitnodiging*.pdf"))
    assert invitations and pdf_text(invitations[0]).strip()
    assert list(out.glob("uitnodiging*.html"))


def test_the_bundle_holds_no_test_tools(program: Path) -> None:
    inside = {p.name.split("-")[0].lower() for p in (program.parent / "_internal").iterdir()}
    assert not inside & {"pytest", "mypy", "ruff", "hypothesis", "selenium", "pexpect"}, inside
