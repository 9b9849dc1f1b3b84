"""Issue 10, "Nothing lost, nothing leaked": concurrent use, private atomic outputs, hostile values.

Every test drives asmo as a user would (CliRunner, or a real process where concurrency, resource
limits or hangs are at stake) and asserts behaviour, not wording: the exit code, no traceback
and no English OS text, the file or key that is named, and what is (not) on disk afterwards.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.records import load_record

from .conftest import Editor
from .helpers import make_record
from .platforms import (
    WINDOWS,
    needs_fifo,
    needs_file_size_limit,
    needs_memory_limit,
    needs_symlinks,
    posix_modes,
)

if sys.platform != "win32":  # POSIX only: for limit_memory and limit_file_size below
    import resource

# --- shared helpers -------------------------------------------------------------------------

LEAKS = (
    "Traceback",
    "File exists",
    "Not a directory",
    "No such file",
    "Permission denied",
    "File name too long",
    "File too large",
    "Is a directory",
    "Errno",
    "Possible options",
)
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b")
TWO_AREAS = "ratings:\n  archief: {archief-beheren: 4}\n  scholing: {scholingsplan-opstellen: 3}\n"


def assert_clean(output: str) -> None:
    """No traceback, Python exception name or English OS text reaches the user."""
    for leak in LEAKS:
        assert leak not in output, f"{leak!r} leaked into the output:\n{output}"
    found = EXCEPTION_NAME.search(output)
    assert found is None, f"{found.group()!r} leaked into the output:\n{output}"


def _crash(result: Result) -> str:
    if result.exception is None or isinstance(result.exception, SystemExit):
        return ""
    assert result.exc_info is not None
    return "".join(traceback.format_exception(*result.exc_info))


def ok(result: Result) -> str:
    """The command succeeded (exit 0) without a crash; return its output."""
    assert not _crash(result), _crash(result)
    assert result.exit_code == 0, result.output
    assert_clean(result.output)
    return result.output


def problem(result: Result) -> str:
    """The command refused with exit 1 and Dutch error lines, not a crash; return its output."""
    assert not _crash(result), _crash(result)
    assert result.exit_code == 1, result.output
    assert "Fout" in result.output, result.output
    assert_clean(result.output)
    return result.output


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def mentions(output: str, text: str) -> bool:
    """True when ``text`` is in ``output``, also when the terminal wrapped it over lines."""
    return squash(text) in squash(output)


def records(home: Path) -> list[Path]:
    folder = home / "assessments"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def leftovers(home: Path) -> list[Path]:
    """Files in the records folder and asmo's temp folder that are neither records nor locks."""
    found: list[Path] = []
    for folder in (home / "assessments", home / ".tmp"):
        if folder.is_dir():
            found += [
                p
                for p in folder.rglob("*")
                if p.is_file() and p.suffix not in (".yaml", ".lock", ".files")
            ]
    return found


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def strict_json(text: str) -> Any:
    """Parse JSON, refusing NaN and Infinity (which are not JSON)."""

    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in JSON")

    return json.loads(text, parse_constant=refuse)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def answers_with_name(path: Path, name: str) -> Path:
    data = {
        "name": name,
        "level": "beleidsmedewerker",
        "ratings": {"archief": {"archief-beheren": 4}},
    }
    return write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def asmo_env(home: Path) -> dict[str, str]:
    return {**os.environ, "ASMO_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}


def asmo_command(args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "asmo_cli", *args]


def start_asmo(args: Sequence[str], home: Path) -> subprocess.Popen[str]:
    """Start asmo in its own process, without input, its output (stderr too) to read later."""
    return subprocess.Popen(
        asmo_command(args),
        env=asmo_env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )


def run_asmo(
    args: Sequence[str],
    home: Path,
    *,
    timeout: float = 120.0,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run asmo in its own process; a run that does not end within ``timeout`` fails the test."""
    try:
        return subprocess.run(
            asmo_command(args),
            env=asmo_env(home),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            preexec_fn=preexec,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"asmo {' '.join(args)[:100]} did not end within {timeout:g} s (a hang)")


def limit_memory() -> None:
    """In the child: cap the address space, so a reader that never stops cannot eat the host."""
    if sys.platform != "win32":  # Windows runs no preexec_fn (the mark skips the test there)
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


FSIZE_LIMIT = 20_000


def limit_file_size() -> None:
    """In the child: ``ulimit -f`` of 20 000 bytes; writing past it fails with EFBIG."""
    if sys.platform != "win32":  # Windows runs no preexec_fn (the mark skips the test there)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_LIMIT, FSIZE_LIMIT))


@pytest.fixture
def umask022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# --- 1. concurrent runs ---------------------------------------------------------------------


def test_twenty_simultaneous_assessments_keep_twenty_records(
    home: Path, answers_file: Path
) -> None:
    """20 `assess --answers` runs at once into one home: 20 distinct, loadable, complete records,
    each run names its own record, and no temporary file is left behind."""
    processes = [start_asmo(["assess", "--answers", str(answers_file)], home) for _ in range(20)]
    outputs = [p.communicate(timeout=600)[0] for p in processes]
    for process, output in zip(processes, outputs, strict=True):
        assert process.returncode == 0, output
        assert_clean(output)
    files = records(home)
    assert len(files) == 20, [p.name for p in files]
    for path in files:
        assert load_record(path).is_complete
    named_record = rf"assessments{re.escape(os.sep)}([\w-]+\.yaml)"  # a / except on Windows
    claimed = {m for out in outputs for m in re.findall(named_record, squash(out))}
    assert claimed == {p.name for p in files}, "every run names its own record"
    assert leftovers(home) == []
    reports = home / "rapporten"
    assert sorted(p.name for p in reports.iterdir()) == sorted(p.stem for p in files)


# --- 2. ratings are integers 1-5 ------------------------------------------------------------


@pytest.mark.parametrize("value", ["1.0", "4.0", "true"])
def test_answers_rating_must_be_a_whole_number(
    runner: CliRunner, tmp_path: Path, home: Path, value: str
) -> None:
    """A rating 1.0, 4.0 or true in an answers file is refused naming the value; nothing saved."""
    path = write(tmp_path / "a.yaml", f"ratings:\n  archief:\n    archief-beheren: {value}\n")
    out = problem(runner.invoke(app, ["assess", "--answers", str(path)]))
    assert "archief-beheren" in out
    assert value in out or value.replace(".", ",") in out
    assert records(home) == []


DAMAGE: list[tuple[str, Callable[[str], str]]] = [
    ("rating-4.0", lambda t: t.replace("archief-beheren: 3", "archief-beheren: 4.0", 1)),
    ("hours-inf", lambda t: t + "hours_per_week:\n  archief: .inf\n"),
    ("formatie-inf", lambda t: t + "contract_hours_per_week: .inf\n"),
    ("duplicate-key", lambda t: t + "status: complete\n"),
    ("day-without-time", lambda t: re.sub(r"(?m)^created: .*$", "created: 2026-02-01", t)),
]


@pytest.mark.parametrize(("case", "damage"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damaged_record_is_named_and_skipped(
    runner: CliRunner,
    catalogue: Catalogue,
    home: Path,
    tmp_path: Path,
    case: str,
    damage: Callable[[str], str],
) -> None:
    """A hand-edited record with a bad value is named as damaged by `history` (exit 0, the good
    record still listed); `report` of it is exit 1 without a traceback and not "onbekende
    meting"; `report` of the latest skips it."""
    good = make_record(catalogue, datetime(2026, 1, 1, 10, 0))
    bad = make_record(catalogue, datetime(2026, 2, 1, 10, 0))
    bad_path = home / "assessments" / f"{bad.id}.yaml"
    before = bad_path.read_text(encoding="utf-8")
    write(bad_path, damage(before))
    assert bad_path.read_text(encoding="utf-8") != before
    out = ok(runner.invoke(app, ["history"]))
    assert good.id in out
    assert mentions(out, bad_path.name)
    assert not re.search(r"(?<=\s)date\b", out), "no Python type names"
    out = problem(runner.invoke(app, ["report", bad.id, "--out", str(tmp_path / "r")]))
    assert mentions(out, bad.id)
    assert "onbekende meting" not in out
    ok(runner.invoke(app, ["report", "--out", str(tmp_path / "latest")]))
    data = strict_json((tmp_path / "latest" / "scores.json").read_text(encoding="utf-8"))
    assert data["assessment"]["id"] == good.id


# --- 3. hours and formatie are finite and in range ------------------------------------------

BAD_HOURS = [
    ("inf", "hours_per_week: {archief: .inf}\n", "archief"),
    ("1e308", "hours_per_week: {archief: 1.0e+308}\n", "archief"),
    ("200-per-area", "hours_per_week: {archief: 200}\n", "archief"),
    ("total-over-168", "hours_per_week: {archief: 100, scholing: 100}\n", "hours_per_week"),
    (
        "formatie-inf",
        "hours_per_week: {archief: 2}\ncontract_hours_per_week: .inf\n",
        "contract_hours_per_week",
    ),
    (
        "formatie-0",
        "hours_per_week: {archief: 2}\ncontract_hours_per_week: 0\n",
        "contract_hours_per_week",
    ),
    (
        "formatie-200",
        "hours_per_week: {archief: 2}\ncontract_hours_per_week: 200\n",
        "contract_hours_per_week",
    ),
]


@pytest.mark.parametrize(("case", "hours", "key"), BAD_HOURS, ids=[b[0] for b in BAD_HOURS])
def test_answers_file_hours_out_of_range_save_nothing(
    runner: CliRunner, tmp_path: Path, home: Path, case: str, hours: str, key: str
) -> None:
    """Infinite, huge (> 168 per area or in total) hours and a formatie that is infinite, 0 or
    above 168 in an answers file: exit 1 naming the file and key; nothing is saved."""
    path = write(tmp_path / "a.yaml", TWO_AREAS + hours)
    out = problem(runner.invoke(app, ["assess", "--answers", str(path)]))
    assert mentions(out, str(path))
    assert key in out
    assert records(home) == []


@pytest.mark.parametrize(("case", "hours", "key"), BAD_HOURS, ids=[b[0] for b in BAD_HOURS])
def test_hours_file_out_of_range_changes_nothing(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, case: str, hours: str, key: str
) -> None:
    """The same bad hours through `asmo hours ID --file`: exit 1 naming the key; the record is
    byte-identical."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief", "scholing"))
    record_file = tmp_path / "home" / "assessments" / f"{record.id}.yaml"
    before = record_file.read_bytes()
    path = write(tmp_path / "uren.yaml", hours)
    out = problem(runner.invoke(app, ["hours", record.id, "--file", str(path)]))
    assert key in out
    assert record_file.read_bytes() == before


@pytest.mark.parametrize("value", ['"3,5"', "3,5"])
def test_hours_file_accepts_decimal_comma(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, value: str
) -> None:
    """`3,5` (a YAML string) in an hours file is 3.5 hours, as at the prompt."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief",))
    path = write(tmp_path / "uren.yaml", f"hours_per_week:\n  archief: {value}\n")
    ok(runner.invoke(app, ["hours", record.id, "--file", str(path)]))
    saved = load_record(tmp_path / "home" / "assessments" / f"{record.id}.yaml")
    assert saved.hours_per_week == {"archief": 3.5}


# --- 4. catalogue weights -------------------------------------------------------------------


@pytest.mark.parametrize("weight", [1e308, 11.0, math.inf], ids=["1e308", "11", "inf"])
def test_catalogue_weight_out_of_range(
    runner: CliRunner,
    edit: Editor,
    data_copy: Path,
    answers_file: Path,
    home: Path,
    weight: float,
) -> None:
    """A weight above 10 or infinite fails `validate` naming role and task, and `assess` refuses
    the catalogue before saving anything."""

    def mutate(data: Any) -> None:
        data["roles"][0]["weights"]["archief"] = weight

    edit("roles.yaml", mutate)
    out = problem(runner.invoke(app, ["validate", "--data-dir", str(data_copy)]))
    assert "penvoerder" in out and "archief" in out
    problem(
        runner.invoke(app, ["assess", "--answers", str(answers_file), "--data-dir", str(data_copy)])
    )
    assert records(home) == []


# --- 5. scores.json given to team -----------------------------------------------------------


def scores_json(catalogue: Catalogue, ident: str, score: str = "3.0", coverage: str = "1") -> str:
    """A scores.json as raw text, so that NaN and 1e999 can be written as they are."""
    roles = [
        f'{{"id": "{r.id}", "name": "{r.name}", "score": {score if i == 0 else "3.0"}, '
        f'"coverage": {coverage if i == 0 else "1"}}}'
        for i, r in enumerate(catalogue.roles)
    ]
    day = ident[6:8]  # a different moment per assessment: the same moment and scores are one
    assessment = (
        f'{{"id": "{ident}", "name": null, "level": null, '
        f'"created": "2026-01-{day}T09:00:00+01:00", "catalogue_version": "2026.1"}}'
    )
    return f'{{"assessment": {assessment}, "roles": [{", ".join(roles)}], "tasks": []}}\n'


BAD_SCORES = [
    ("score-NaN", {"score": "NaN"}),
    ("score-1e999", {"score": "1e999"}),
    ("score-minus-50", {"score": "-50"}),
    ("score-6", {"score": "6"}),
    ("coverage-1.5", {"coverage": "1.5"}),
]


@pytest.mark.parametrize(("case", "bad"), BAD_SCORES, ids=[b[0] for b in BAD_SCORES])
def test_team_refuses_bad_scores_json(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, case: str, bad: dict[str, str]
) -> None:
    """A scores.json with NaN, infinity, a score outside 1-5 or a coverage above 1 is named as an
    error (exit 1); the good files are still used and team.json is strict JSON."""
    folder = tmp_path / "json"
    folder.mkdir()
    good = [
        write(folder / f"m{i}.json", scores_json(catalogue, f"2026010{i}-090000")) for i in (1, 2)
    ]
    wrong = write(folder / "kapot.json", scores_json(catalogue, "20260103-090000", **bad))
    out_dir = tmp_path / "out"
    result = runner.invoke(app, ["team", *map(str, [*good, wrong]), "--out", str(out_dir)])
    assert not _crash(result), _crash(result)
    assert result.exit_code == 1, result.output
    assert_clean(result.output)
    assert mentions(result.output, wrong.name)
    data = strict_json((out_dir / "team.json").read_text(encoding="utf-8"))
    assert data["members"] == 2


# --- 6. text is data, never markup ----------------------------------------------------------

NAMES = [
    ("rich-close", "Eva [/] de Vries"),
    ("brackets", "Jan [tijdelijk]"),
    ("rich-link", "[link=https://x.nl]klik[/link]"),
    ("escape", "Eva \x1b[31mRood\x1b[0m de Vries"),
    ("pipe", "Piet | Klaas"),
    ("newline", "Piet\nKlaas"),
    ("html", "<script>alert(1)</script>"),
    ("md-image", "![x](https://evil/img.png)"),
]
SHOWN_WHOLE = {"rich-close", "brackets", "rich-link", "pipe", "html", "md-image"}


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def table_rows(markdown: str, first_cell: str) -> list[str]:
    """The lines of the Markdown table that has a row starting with ``| first_cell``."""
    lines = markdown.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_cell}"))
    start = row
    while start > 0 and lines[start - 1].strip():
        start -= 1
    end = row
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return lines[start : end + 1]


def assert_table_intact(rows: list[str], *first_cells: str) -> None:
    """Every row of the table starts with a pipe and has as many cells as the separator row."""
    separator = next(r for r in rows if set(r) <= set("|-: "))
    for line in rows:
        assert line.startswith("|"), f"a table row is broken: {line!r}"
        assert unescaped_pipes(line) == unescaped_pipes(separator), f"extra cells: {line!r}"
    for cell in first_cells:
        assert any(r.startswith(f"| {cell}") for r in rows), f"row {cell!r} lost from the table"


@pytest.mark.parametrize(("case", "name"), NAMES, ids=[n[0] for n in NAMES])
def test_hostile_name_is_shown_as_typed_and_escaped_in_markdown(
    runner: CliRunner, tmp_path: Path, case: str, name: str
) -> None:
    """A name with rich markup, escape codes, `|`, a newline, HTML or an image link: assess,
    history and report work; the terminal gets no ESC byte and shows the name as typed; in
    rapport.md the name breaks no heading or table and adds no HTML, link or image."""
    path = answers_with_name(tmp_path / "a.yaml", name)
    outputs = [
        ok(runner.invoke(app, ["assess", "--answers", str(path), "--out", str(tmp_path / "a")]))
    ]
    history = ok(runner.invoke(app, ["history"]))
    outputs += [history, ok(runner.invoke(app, ["report", "--out", str(tmp_path / "r")]))]
    for out in outputs:
        assert "\x1b" not in out
    if case in SHOWN_WHOLE:
        assert name in history
    markdown = (tmp_path / "r" / "rapport.md").read_text(encoding="utf-8")
    assert "\x1b" not in markdown
    lines = markdown.splitlines()
    assert lines[0].startswith("# ") and lines[1] == "", "the name stays inside the heading"
    assert_table_intact(
        table_rows(markdown, "Naam"), "Naam", "Ingevuld", "Functieniveau", "Versie vragenlijst"
    )
    assert "<script>" not in markdown
    assert "](https://" not in markdown and "![x]" not in markdown


@pytest.mark.parametrize("name", ["Piet | Klaas", "Piet\nKlaas"], ids=["pipe", "newline"])
def test_team_names_cannot_shift_scores_into_other_columns(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path, name: str
) -> None:
    """`team --names`: a name with `|` or a newline keeps every score in its own column (the
    per-person table has one row per role and one column per person, as in team.pdf)."""
    make_record(catalogue, datetime(2026, 1, 1, 9, 0), name=name)
    make_record(catalogue, datetime(2026, 1, 2, 9, 0), name="Lid 2")
    make_record(catalogue, datetime(2026, 1, 3, 9, 0), name="Lid 3")
    out_dir = tmp_path / "out"
    ok(runner.invoke(app, ["team", str(home / "assessments"), "--out", str(out_dir), "--names"]))
    markdown = (out_dir / "team.md").read_text(encoding="utf-8")
    per_person = markdown.split("## Per persoon", 1)[1]
    roles = [role.name for role in catalogue.roles]
    rows = table_rows(per_person, roles[0])
    assert_table_intact(rows, "Rol", *roles)
    assert len(rows) == 2 + len(roles), "header, separator and one row per role"
    assert unescaped_pipes(rows[0]) == 5, f"one column per member: {rows[0]!r}"
    assert "Lid 2" in rows[0] and "Lid 3" in rows[0], rows[0]
    assert rows[0].index("Lid 2") < rows[0].index("Lid 3")


def test_catalogue_names_with_markup_are_shown_as_typed(
    runner: CliRunner, edit: Editor, data_copy: Path
) -> None:
    """A role name with `[/]` and a task name with `[...]` pass `validate` and are shown whole
    by `roles` and `roles ROL`."""

    def rename_role(data: Any) -> None:
        data["roles"][0]["name"] = "Pen [/] voerder"

    def rename_task(data: Any) -> None:
        next(t for t in data["tasks"] if t["id"] == "archief")["name"] = "Archief [oud]"

    edit("roles.yaml", rename_role)
    edit("tasks.yaml", rename_task)
    ok(runner.invoke(app, ["validate", "--data-dir", str(data_copy)]))
    assert "Pen [/] voerder" in ok(runner.invoke(app, ["roles", "--data-dir", str(data_copy)]))
    detail = ok(runner.invoke(app, ["roles", "penvoerder", "--data-dir", str(data_copy)]))
    assert "Pen [/] voerder" in detail and "Archief [oud]" in detail


# --- 7. a record with an impossible date ----------------------------------------------------

YEAR_ONE = """\
format_version: 2
catalogue_version: '2026.1'
created: '0001-01-01T00:00:00'
updated: '0001-01-01T00:00:00'
status: complete
ratings:
  archief: {archief-beheren: 4, bewaartermijnen-bewaken: 3, overdrachtsdossier-opstellen: null}
"""
YEAR_ONE_ID = "20250101-120000"


@pytest.fixture
def year_one(catalogue: Catalogue, home: Path) -> list[str]:
    """Three good records and one created in the year 1; return the good ids, oldest first."""
    good = [
        make_record(catalogue, datetime(2026, 1, day, 9, 0), name=f"Lid {day}").id
        for day in (1, 2, 3)
    ]
    write(home / "assessments" / f"{YEAR_ONE_ID}.yaml", YEAR_ONE)
    return good


def test_year_one_record_does_not_stop_history(runner: CliRunner, year_one: list[str]) -> None:
    """`history` lists the good records and names the bad file (exit 0)."""
    out = ok(runner.invoke(app, ["history"]))
    assert all(ident in out for ident in year_one)
    assert mentions(out, f"{YEAR_ONE_ID}.yaml")


def test_year_one_record_does_not_stop_report(
    runner: CliRunner, year_one: list[str], home: Path
) -> None:
    """`report` (the latest) still reports the latest good record."""
    ok(runner.invoke(app, ["report"]))
    assert (home / "rapporten" / year_one[-1] / "rapport.md").is_file()


def test_year_one_record_does_not_stop_team(
    runner: CliRunner, year_one: list[str], home: Path, tmp_path: Path
) -> None:
    """`team` on the folder names the bad file (exit 1) and still writes for the three good."""
    out_dir = tmp_path / "out"
    result = runner.invoke(app, ["team", str(home / "assessments"), "--out", str(out_dir)])
    assert not _crash(result), _crash(result)
    assert result.exit_code == 1, result.output
    assert_clean(result.output)
    assert mentions(result.output, f"{YEAR_ONE_ID}.yaml")
    assert strict_json((out_dir / "team.json").read_text(encoding="utf-8"))["members"] == 3


# --- 8. private files and folders -----------------------------------------------------------


def assert_private(root: Path) -> None:
    """``root`` and every folder below it are 0700, every file 0600."""
    for path in [root, *root.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path}: {oct(mode(path))}, expected {oct(expected)}"


@pytest.mark.usefixtures("umask022")
def test_everything_asmo_writes_is_private(runner: CliRunner, tmp_path: Path, home: Path) -> None:
    """After assess, report, plan, hours, team and history --plot: every file asmo wrote is
    0600 and every folder it created 0700, ASMO_HOME included."""
    answers = write(
        tmp_path / "a.yaml",
        "name: Fenna\nlevel: beleidsmedewerker\n"
        + TWO_AREAS
        + "hours_per_week: {archief: 2}\ncontract_hours_per_week: 24\n",
    )
    ok(runner.invoke(app, ["assess", "--answers", str(answers)]))
    (record,) = records(home)
    uren = write(tmp_path / "uren.yaml", "hours_per_week: {archief: 3, scholing: 1}\n")
    ok(runner.invoke(app, ["hours", record.stem, "--file", str(uren)]))
    ok(runner.invoke(app, ["report"]))
    ok(runner.invoke(app, ["plan"]))
    ok(runner.invoke(app, ["team", str(home / "assessments")]))
    plots = tmp_path / "grafieken"
    plots.mkdir()
    ok(runner.invoke(app, ["history", "--plot", str(plots / "voortgang.png")]))
    new_out = tmp_path / "nieuw" / "rapport"
    ok(runner.invoke(app, ["report", "--out", str(new_out)]))
    assert (home / "rapporten" / record.stem / "tijdsbesteding.md").is_file()
    assert (home / "rapporten" / record.stem / "ontwikkelplan.md").is_file()
    assert (home / "rapporten" / "team" / "team.json").is_file()
    if not WINDOWS:  # no such modes there: the user's profile folder protects the files
        assert_private(home)
        assert_private(tmp_path / "nieuw")
        assert mode(plots / "voortgang.png") == 0o600


@posix_modes
@pytest.mark.usefixtures("umask022")
def test_existing_home_is_tightened(
    runner: CliRunner, home: Path, answers_file: Path, tmp_path: Path
) -> None:
    """A home and assessments folder made 0755 (by an older asmo) become 0700."""
    (home / "assessments").mkdir(parents=True)
    home.chmod(0o755)
    (home / "assessments").chmod(0o755)
    ok(runner.invoke(app, ["assess", "--answers", str(answers_file), "--out", str(tmp_path / "r")]))
    assert mode(home) == 0o700
    assert mode(home / "assessments") == 0o700


@posix_modes
@pytest.mark.usefixtures("umask022")
def test_existing_out_folder_keeps_its_mode(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """asmo never changes the mode of a folder it did not create; its files there are 0600."""
    record = make_record(catalogue, datetime(2026, 5, 1, 10, 0))
    out_dir = tmp_path / "gedeeld"
    out_dir.mkdir()
    out_dir.chmod(0o755)
    ok(runner.invoke(app, ["report", record.id, "--out", str(out_dir)]))
    assert mode(out_dir) == 0o755
    files = list(out_dir.iterdir())
    assert files and all(mode(p) == 0o600 for p in files)


# --- 9. atomic outputs ----------------------------------------------------------------------


@needs_file_size_limit
def test_report_under_file_size_limit_keeps_every_previous_file(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """`report` over an existing report with `ulimit -f` too small: exit 1, the message says the
    record is safe, every previous file is byte-identical and no temporary file is left."""
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief", "scholing"))
    uren = write(tmp_path / "uren.yaml", "hours_per_week: {archief: 2, scholing: 4}\n")
    ok(runner.invoke(app, ["hours", record.id, "--file", str(uren)]))
    record_file = home / "assessments" / f"{record.id}.yaml"
    first = run_asmo(["report", record.id], home)
    assert first.returncode == 0, first.stdout + first.stderr
    folder = home / "rapporten" / record.id
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert max(len(b) for b in before.values()) > FSIZE_LIMIT, "the limit must bite"
    record_bytes = record_file.read_bytes()
    result = run_asmo(["report", record.id], home, preexec=limit_file_size)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert_clean(output)
    assert "Fout" in output
    said = output.lower()
    assert "meting" in said
    assert any(word in said for word in ("bewaard", "veilig", "onaangetast", "intact")), output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert record_file.read_bytes() == record_bytes
    assert leftovers(home) == []


# --- 10. team counts distinct assessments ---------------------------------------------------


def team_members(runner: CliRunner, paths: Sequence[Path], out_dir: Path) -> int:
    out = ok(runner.invoke(app, ["team", *map(str, paths), "--out", str(out_dir)]))
    data = strict_json((out_dir / "team.json").read_text(encoding="utf-8"))
    assert f"Teamprofiel van {data['members']} " in out
    members = data["members"]
    assert isinstance(members, int)
    return members


def test_team_counts_the_same_file_once(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """`team f.yaml f.yaml f.yaml` is one member, and shows no min-max band."""
    record = make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    path = home / "assessments" / f"{record.id}.yaml"
    assert team_members(runner, [path, path, path], tmp_path / "out") == 1
    data = strict_json((tmp_path / "out" / "team.json").read_text(encoding="utf-8"))
    assert all(role["min"] is None and role["max"] is None for role in data["roles"])


@needs_symlinks
def test_team_counts_a_symlink_and_a_copy_once(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """The record, a copy of it and a symlink to it (elsewhere, same name) are one member."""
    record = make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    path = home / "assessments" / f"{record.id}.yaml"
    (tmp_path / "kopie").mkdir()
    copy = Path(shutil.copy2(path, tmp_path / "kopie" / path.name))
    (tmp_path / "link").mkdir()
    link = tmp_path / "link" / path.name
    link.symlink_to(path)
    assert team_members(runner, [path, copy, link], tmp_path / "out") == 1


def test_team_counts_record_and_its_scores_json_once(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """A folder with `<id>.yaml` and `<id>/scores.json` of the same assessment is one member."""
    record = make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    folder = tmp_path / "bureau"
    folder.mkdir()
    shutil.copy2(home / "assessments" / f"{record.id}.yaml", folder)
    ok(runner.invoke(app, ["report", record.id, "--out", str(folder / record.id)]))
    assert (folder / record.id / "scores.json").is_file()
    assert team_members(runner, [folder], tmp_path / "out") == 1


# --- 11. duplicate YAML keys ----------------------------------------------------------------


def test_duplicate_key_in_answers_file(runner: CliRunner, tmp_path: Path, home: Path) -> None:
    """A repeated area under `ratings` is an error naming the key and its line; nothing saved."""
    path = write(
        tmp_path / "a.yaml",
        "name: Fenna\nratings:\n  archief:\n    archief-beheren: 3\n"
        "  archief:\n    bewaartermijnen-bewaken: 4\n",
    )
    out = problem(runner.invoke(app, ["assess", "--answers", str(path)]))
    assert "archief" in out and "regel 5" in out
    assert records(home) == []


def test_duplicate_key_in_hours_file(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """A repeated area in an hours file is an error naming the key and its line."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief",))
    record_file = home / "assessments" / f"{record.id}.yaml"
    before = record_file.read_bytes()
    path = write(tmp_path / "uren.yaml", "hours_per_week:\n  archief: 2\n  archief: 3\n")
    out = problem(runner.invoke(app, ["hours", record.id, "--file", str(path)]))
    assert "archief" in out and "regel 3" in out
    assert record_file.read_bytes() == before


def test_duplicate_key_in_catalogue(runner: CliRunner, data_copy: Path) -> None:
    """A repeated key in roles.yaml fails `validate`, naming the file, the key and its line."""
    path = data_copy / "roles.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("version:"))
    lines.insert(index + 1, 'version: "2026.2"\n')
    path.write_text("".join(lines), encoding="utf-8")
    out = problem(runner.invoke(app, ["validate", "--data-dir", str(data_copy)]))
    assert "roles.yaml" in out and "version" in out and f"regel {index + 2}" in out


# --- 12. special and oversized inputs -------------------------------------------------------


@needs_memory_limit
def test_answers_from_dev_zero_is_refused(home: Path) -> None:
    """`--answers /dev/zero` is not a regular file: exit 1 at once, not all memory."""
    result = run_asmo(["assess", "--answers", "/dev/zero"], home, timeout=20, preexec=limit_memory)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert_clean(output)
    assert "Fout" in output and "/dev/zero" in output
    assert records(home) == []


@needs_fifo
def test_answers_from_a_fifo_is_refused(home: Path, tmp_path: Path) -> None:
    """A FIFO as answers file: exit 1 within the timeout, never a hang."""
    if sys.platform == "win32":  # skipped there (needs_fifo); for mypy
        raise AssertionError("POSIX only")
    fifo = tmp_path / "antwoorden.yaml"
    os.mkfifo(fifo)
    result = run_asmo(["assess", "--answers", str(fifo)], home, timeout=20)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert_clean(output)
    assert "Fout" in output and mentions(output, str(fifo))
    assert records(home) == []


def test_oversized_answers_file_is_refused(
    runner: CliRunner, answers_file: Path, home: Path
) -> None:
    """An answers file of 5 MB (above the documented limit) is exit 1 naming it; nothing saved."""
    padding = "# " + "x" * 5_000_000 + "\n"
    answers_file.write_text(answers_file.read_text(encoding="utf-8") + padding, encoding="utf-8")
    out = problem(runner.invoke(app, ["assess", "--answers", str(answers_file)]))
    assert mentions(out, str(answers_file))
    assert records(home) == []


LONG = "a" * 5000


@pytest.mark.parametrize(
    "args",
    [["report", LONG], ["report", LONG + ".yaml"], ["plan", LONG], ["hours", LONG]],
    ids=["report-id", "report-path", "plan-id", "hours-id"],
)
def test_overlong_record_reference_is_refused(
    runner: CliRunner, catalogue: Catalogue, args: list[str]
) -> None:
    """A 5000-character id or path: one Dutch line and exit 1, no "File name too long"."""
    make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    problem(runner.invoke(app, args))


@pytest.mark.parametrize("shape", ["one-name", "deep"])
def test_overlong_answers_path_is_refused(
    runner: CliRunner, tmp_path: Path, home: Path, shape: str
) -> None:
    """A 5000-character `--answers` path (one long name, or many folders): exit 1, no traceback."""
    path = (
        tmp_path / (LONG + ".yaml")
        if shape == "one-name"
        else tmp_path.joinpath(*["d" * 99] * 50, "a.yaml")
    )
    assert len(str(path)) > 5000
    problem(runner.invoke(app, ["assess", "--answers", str(path)]))
    assert records(home) == []


# --- 13. messages ---------------------------------------------------------------------------


def test_assess_out_is_a_file_says_the_record_is_saved(
    runner: CliRunner, tmp_path: Path, home: Path, answers_file: Path
) -> None:
    """`assess --out FILE`: exit 1 in Dutch naming FILE, saying the record itself is saved; the
    record exists and FILE is untouched."""
    target = write(tmp_path / "rapport.txt", "niet van asmo\n")
    out = problem(
        runner.invoke(app, ["assess", "--answers", str(answers_file), "--out", str(target)])
    )
    assert mentions(out, str(target))
    assert "meting" in out.lower() and "bewaard" in out.lower()
    (record,) = records(home)
    assert load_record(record).is_complete
    assert target.read_text(encoding="utf-8") == "niet van asmo\n"


def test_report_out_is_a_file(runner: CliRunner, catalogue: Catalogue, tmp_path: Path) -> None:
    """`report --out FILE`: exit 1 in Dutch naming FILE, no "File exists"; FILE is untouched."""
    record = make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    target = write(tmp_path / "rapport.txt", "niet van asmo\n")
    out = problem(runner.invoke(app, ["report", record.id, "--out", str(target)]))
    assert mentions(out, str(target))
    assert target.read_text(encoding="utf-8") == "niet van asmo\n"


def test_history_plot_below_a_file(runner: CliRunner, catalogue: Catalogue, tmp_path: Path) -> None:
    """`history --plot FILE/x.png`: exit 1 in Dutch, no "Not a directory"."""
    make_record(catalogue, datetime(2026, 1, 1, 9, 0))
    blocker = write(tmp_path / "bestand.txt", "x\n")
    problem(runner.invoke(app, ["history", "--plot", str(blocker / "voortgang.png")]))


def test_no_python_repr_in_messages(runner: CliRunner, tmp_path: Path, home: Path) -> None:
    """A list where a level is expected is described in Dutch, not as a Python repr."""
    path = write(tmp_path / "a.yaml", "level: [a, b]\nratings:\n  archief: {archief-beheren: 3}\n")
    out = problem(runner.invoke(app, ["assess", "--answers", str(path)]))
    assert "['a', 'b']" not in out
    assert records(home) == []


def test_misspelled_option_has_no_english_hint(runner: CliRunner) -> None:
    """A misspelled option is a usage error without click's English "(Possible options: ...)"."""
    result = runner.invoke(app, ["report", "--ou", "x"])
    assert not _crash(result), _crash(result)
    assert result.exit_code != 0
    assert_clean(result.output)


def test_hours_waits_then_refuses_a_record_open_elsewhere(
    runner: CliRunner,
    catalogue: Catalogue,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While another run holds a record's lock, `hours` says it waits; when the lock stays
    taken it says so in Dutch and changes nothing."""
    from asmo_cli.storage import locks

    monkeypatch.setattr(locks, "WRITE_WAIT_SECONDS", 1.2)
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    path = home / "assessments" / f"{record.id}.yaml"
    before = path.read_bytes()
    uren = write(tmp_path / "uren.yaml", "hours_per_week: {archief: 2}\n")
    with locks.lock_record(record.id):
        result = runner.invoke(app, ["hours", record.id, "--file", str(uren)])
        assert result.exit_code == 1, result.output
        assert "asmo wacht daarop" in result.output
        assert "open in een ander asmo-venster" in result.output
        assert path.read_bytes() == before
        assert not (home / "rapporten").exists()
    ok(runner.invoke(app, ["hours", record.id, "--file", str(uren)]))
    assert path.read_bytes() != before


def test_team_tells_apart_two_people_who_started_in_the_same_second(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Same moment, no names, so the same id in two homes; other answers: two members. A renamed
    copy of one of them is still one member."""
    from dataclasses import replace

    from asmo_cli.storage.records import record_to_yaml

    first = make_record(catalogue, datetime(2026, 5, 1, 9, 0), stars=2, name=None, save=False)
    second = replace(first, ratings={t: dict.fromkeys(a, 4) for t, a in first.ratings.items()})
    folder = tmp_path / "workshop"
    folder.mkdir()
    write(folder / f"{first.id}.yaml", record_to_yaml(first))
    (folder / "tweede").mkdir()
    write(folder / "tweede" / f"{second.id}.yaml", record_to_yaml(second))
    write(folder / "kopie van de eerste.yaml", record_to_yaml(first))
    out = tmp_path / "team"
    result = runner.invoke(
        app, ["team", str(folder), str(folder / "tweede" / f"{second.id}.yaml"), "--out", str(out)]
    )
    ok(result)
    assert mentions(result.output, "Teamprofiel van 2 leden")
    assert strict_json((out / "team.json").read_text(encoding="utf-8"))["members"] == 2


@posix_modes
@pytest.mark.parametrize(("before", "after"), [(0o1777, 0o1777), (0o500, 0o500), (0o750, 0o700)])
def test_tightening_only_takes_rights_away(
    runner: CliRunner, home: Path, answers_file: Path, tmp_path: Path, before: int, after: int
) -> None:
    """A shared folder (sticky bit, like /tmp) is left alone; rights are never added."""
    (home / "assessments").mkdir(parents=True)
    home.chmod(before)
    runner.invoke(app, ["assess", "--answers", str(answers_file), "--out", str(tmp_path / "r")])
    assert mode(home) == after


def test_hours_refuses_a_record_outside_the_home(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """`hours PATH` on a copy elsewhere never writes over the record in the home."""
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    own = home / "assessments" / f"{record.id}.yaml"
    copy = tmp_path / "elders" / own.name
    copy.parent.mkdir()
    copy.write_text(own.read_text().replace("Sam de Vries", "Iemand Anders"))
    before = own.read_bytes()
    uren = write(tmp_path / "uren.yaml", "hours_per_week: {archief: 2}\n")
    out = problem(runner.invoke(app, ["hours", str(copy), "--file", str(uren)]))
    assert "alleen met metingen in je eigen map" in out
    assert own.read_bytes() == before
    ok(runner.invoke(app, ["hours", str(own), "--file", str(uren)]))  # the home's own path works


def test_failed_new_record_says_it_was_not_saved(
    runner: CliRunner, home: Path, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new record that cannot be written: 'niet bewaard', no file, no lock, no temp file."""
    import errno

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = problem(runner.invoke(app, ["assess", "--answers", str(answers_file)]))
    assert "de meting is niet bewaard" in out and "vorige versie" not in out
    assert list((home / "assessments").iterdir()) == []


def test_a_folder_made_meanwhile_by_another_run_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs making the reports folder at once: the one that loses the race goes on."""
    from asmo_cli.storage.files import ensure_dir

    target = tmp_path / "rapporten" / "20261129-170338"
    real_mkdir = Path.mkdir

    def racing_mkdir(self: Path, mode: int = 0o777, *args: Any, **kwargs: Any) -> None:
        if self == target.parent and not self.exists():
            real_mkdir(self, mode)  # the other run was first
            raise FileExistsError(str(self))
        real_mkdir(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", racing_mkdir)
    ensure_dir(target)
    assert target.is_dir()
    if not WINDOWS:
        assert (target.stat().st_mode & 0o777) == 0o700
