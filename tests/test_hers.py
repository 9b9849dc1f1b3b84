"""Nothing of hers is touched: asmo replaces and deletes only what it wrote, under one lock.

Her own file at a name asmo would write is never replaced (every writing command refuses and
writes nothing), `asmo delete` removes only files whose content asmo wrote and folders it made,
the lists of written files are trusted only as asmo's own regular files, the commands that
write for a record take its lock (so racing `delete` leaves nothing behind), `{nb}` is text in
every PDF, and `asmo team` reads only members.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record

from .conftest import Editor
from .helpers import make_record
from .platforms import needs_pty, needs_symlinks
from .test_hostile import asmo_env, mentions, ok, problem, run_asmo, start_asmo

HERS = b"Mijn eigen aantekeningen, niet van asmo.\n"
WHEN = datetime(2026, 3, 1, 9, 0)


@pytest.fixture
def record(catalogue: Catalogue) -> Record:
    return make_record(catalogue, WHEN, 3, tasks=("archief", "correspondentie"), name="Fenna")


def with_hours(home: Path, record: Record, tmp_path: Path, runner: CliRunner) -> None:
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2, correspondentie: 3}\n", encoding="utf-8")
    ok(runner.invoke(app, ["hours", record.id, "--file", str(uren)]))


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


# --- refuse before writing ------------------------------------------------------------------


COMMANDS = {
    "report": (["report", "{id}", "--out", "{out}"], "rapport.md"),
    "plan": (["plan", "{id}", "--out", "{out}"], "ontwikkelplan.md"),
    "invite": (
        ["feedback", "invite", "{id}", "--for", "Jan", "--out", "{out}"],
        "uitnodiging-jan.pdf",
    ),
    "hours": (["hours", "{id}", "--file", "{uren}", "--out", "{out}"], "tijdsbesteding.md"),
    "team": (["team", "{records}", "--out", "{out}"], "team.json"),
    "history": (["history", "--plot", "{out}/voortgang.png"], "voortgang.png"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_her_file_at_a_target_name_stops_the_command_and_nothing_is_written(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path, command: str
) -> None:
    """Her own file where asmo would write one: exit 1 naming the file and --out; her file is
    byte-identical and no other file appears in her folder."""
    out = tmp_path / "haar-map"
    out.mkdir()
    args, name = COMMANDS[command]
    (out / name).write_bytes(HERS)
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2}\n", encoding="utf-8")
    values = {
        "id": record.id,
        "out": str(out),
        "uren": str(uren),
        "records": str(home / "assessments"),
    }
    text = problem(runner.invoke(app, [a.format(**values) for a in args]))
    assert mentions(text, name) and "--out" in text and "niets geschreven" in text
    assert (out / name).read_bytes() == HERS
    assert files_in(out) == {name}


@pytest.mark.parametrize("name", ["scores.json", "tijdsbesteding.md"])
def test_assess_out_refuses_a_folder_with_her_file_before_anything_is_saved(
    runner: CliRunner, answers_file: Path, home: Path, tmp_path: Path, name: str
) -> None:
    """assess --out into a folder with her scores.json (or an hours document, which may
    follow): refused before a record is even made, naming the file and --out."""
    out = tmp_path / "haar-map"
    out.mkdir()
    (out / name).write_bytes(HERS)
    result = runner.invoke(app, ["assess", "--answers", str(answers_file), "--out", str(out)])
    text = problem(result)
    assert "--out" in text and name in text and "niets geschreven" in text
    assert (out / name).read_bytes() == HERS and files_in(out) == {name}
    assert (
        not list((home / "assessments").glob("*.yaml")) if (home / "assessments").exists() else True
    )


def test_asmo_replaces_its_own_files_even_those_of_another_record(
    runner: CliRunner, catalogue: Catalogue, record: Record, tmp_path: Path
) -> None:
    """A second report into the same folder replaces asmo's files (for this or another record);
    deleting the first record then leaves the second one's files, deleting that removes them."""
    other = make_record(catalogue, datetime(2026, 4, 1, 9, 0), 4, tasks=("archief",), name="Bo")
    out = tmp_path / "gedeeld"
    ok(runner.invoke(app, ["report", record.id, "--out", str(out)]))
    ok(runner.invoke(app, ["report", record.id, "--out", str(out)]))
    ok(runner.invoke(app, ["report", other.id, "--out", str(out)]))
    made = files_in(out)
    assert "rapport.pdf" in made
    ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert files_in(out) == made, "the other record's files stay"
    ok(runner.invoke(app, ["delete", other.id, "--yes"]))
    assert not out.exists()


# --- delete removes only what asmo wrote ----------------------------------------------------


def test_delete_leaves_her_file_that_replaced_one_of_asmo(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """She wrote her own rapport.md where asmo wrote one: delete names it and leaves it, and
    the folder (not empty) stays; everything else asmo wrote is gone."""
    out = tmp_path / "map"
    ok(runner.invoke(app, ["report", record.id, "--out", str(out)]))
    (out / "rapport.md").write_bytes(HERS)
    text = ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert mentions(text, "rapport.md: na het maken gewijzigd; blijft staan")
    assert files_in(out) == {"rapport.md"} and (out / "rapport.md").read_bytes() == HERS
    assert not list((home / "assessments").iterdir())


def test_delete_trusts_no_path_added_to_the_list(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """A path of hers added to the list (with or without a made-up hash) is not deleted, nor is
    a folder added to the list that asmo did not make."""
    ok(runner.invoke(app, ["report", record.id]))
    hers = tmp_path / "eigen" / "brief.docx"
    hers.parent.mkdir()
    hers.write_bytes(HERS)
    ledger = home / "assessments" / f"{record.id}.files"
    data = json.loads(ledger.read_text(encoding="utf-8"))
    data["files"][str(hers)] = ["sha256:" + "0" * 64]
    data["files"][str(tmp_path / "eigen" / "ander.txt")] = []
    (tmp_path / "eigen" / "ander.txt").write_bytes(HERS)
    ledger.write_text(json.dumps(data), encoding="utf-8")
    text = ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert hers.read_bytes() == HERS and (tmp_path / "eigen" / "ander.txt").read_bytes() == HERS
    assert mentions(text, "brief.docx: na het maken gewijzigd; blijft staan")
    assert not (home / "rapporten" / record.id).exists()


@pytest.mark.parametrize("kind", [pytest.param("symlink", marks=needs_symlinks), "folder"])
def test_a_list_that_is_not_asmos_regular_file_stops_delete(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path, kind: str
) -> None:
    """The list replaced by a link (to a list naming her files) or by a folder: delete refuses
    with exit 1, naming the list, and deletes nothing at all."""
    ok(runner.invoke(app, ["report", record.id]))
    hers = tmp_path / "haar.txt"
    hers.write_bytes(HERS)
    ledger = home / "assessments" / f"{record.id}.files"
    fake = tmp_path / "nep.files"
    fake.write_text(json.dumps([str(hers)]), encoding="utf-8")
    ledger.unlink()
    if kind == "symlink":
        ledger.symlink_to(fake)
    else:
        ledger.mkdir()
    before = sorted(p for p in home.rglob("*"))
    text = problem(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert mentions(text, f"{record.id}.files") and "niets" in text
    assert sorted(p for p in home.rglob("*")) == before and hers.read_bytes() == HERS


def test_an_older_list_without_hashes_deletes_only_inside_the_own_reports_folder(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """A list of an older asmo (paths only): files in the record's own reports folder go; a
    listed file elsewhere is named and left."""
    ok(runner.invoke(app, ["report", record.id]))
    own = home / "rapporten" / record.id
    elsewhere = tmp_path / "elders" / "rapport.md"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(HERS)
    listed = [str(p) for p in sorted(own.iterdir())] + [str(elsewhere)]
    (home / "assessments" / f"{record.id}.files").write_text(json.dumps(listed), encoding="utf-8")
    text = ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert not own.exists()
    assert elsewhere.read_bytes() == HERS and mentions(text, str(elsewhere))


def test_files_written_before_a_failed_write_are_still_deleted(
    runner: CliRunner, record: Record, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up halfway through a report: the files placed before it are on the list,
    so delete removes them all."""
    from asmo_cli.core.errors import SaveError
    from asmo_cli.storage import owned

    real = owned.write_private  # type: ignore[attr-defined]  # the writer it calls
    calls: list[Path] = []

    def fill_up(path: Path, data: str | bytes) -> None:
        calls.extend([path] if path.suffix != ".files" else [])
        if len(calls) == 3:  # two report files placed, then the disk is full
            raise SaveError(f"{path}: opslaan mislukt (de schijf is vol)")
        real(path, data)

    monkeypatch.setattr(owned, "write_private", fill_up)
    problem(runner.invoke(app, ["report", record.id]))
    monkeypatch.setattr(owned, "write_private", real)
    placed = files_in(home / "rapporten" / record.id)
    assert len(placed) == 2
    ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert not (home / "rapporten").exists()


def test_a_report_of_a_copy_in_the_own_folder_is_still_deleted(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """A copy of her record reported into the record's own folder (noted in asmo's home):
    delete still removes those files, they are hers and asmo wrote them."""
    ok(runner.invoke(app, ["report", record.id]))
    copy = tmp_path / "kopie" / f"{record.id}.yaml"
    copy.parent.mkdir()
    copy.write_bytes((home / "assessments" / f"{record.id}.yaml").read_bytes())
    ok(runner.invoke(app, ["report", str(copy), "--out", str(home / "rapporten" / record.id)]))
    ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert not (home / "rapporten" / record.id).exists()


def test_without_its_list_delete_names_what_stays_in_the_own_folder(
    runner: CliRunner, record: Record, home: Path
) -> None:
    """The list is gone (or a note of hers lies in the folder): delete removes the record and
    names every file it leaves in the record's own reports folder."""
    ok(runner.invoke(app, ["report", record.id]))
    own = home / "rapporten" / record.id
    (own / "notities.txt").write_bytes(HERS)
    (home / "assessments" / f"{record.id}.files").unlink()
    text = ok(runner.invoke(app, ["delete", record.id, "--yes"]))
    for name in ("notities.txt", "rapport.md", "scores.json"):
        assert mentions(text, str(own / name)), name
    assert (own / "notities.txt").read_bytes() == HERS


def test_a_list_with_wrong_types_is_damaged_and_stops_delete(
    runner: CliRunner, record: Record, home: Path
) -> None:
    ok(runner.invoke(app, ["report", record.id]))
    ledger = home / "assessments" / f"{record.id}.files"
    ledger.write_text('{"format_version": 2, "files": {"/x": "geen lijst"}, "folders": "x"}')
    text = problem(runner.invoke(app, ["delete", record.id, "--yes"]))
    assert "beschadigd" in text
    assert (home / "assessments" / f"{record.id}.yaml").is_file()


@needs_symlinks
def test_an_untrusted_list_is_named_by_the_writing_commands(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """The record's list is a link: report names the list and its problem (not her files),
    and makes no folder."""
    ledger = home / "assessments" / f"{record.id}.files"
    ledger.symlink_to(tmp_path / "ergens")
    text = problem(runner.invoke(app, ["report", record.id, "--out", str(tmp_path / "uit")]))
    assert mentions(text, f"{record.id}.files") and "geen gewoon bestand" in text
    assert not (tmp_path / "uit").exists()


@needs_pty
def test_a_file_changed_while_delete_asks_stays(
    catalogue: Catalogue, record: Record, home: Path, tmp_path: Path
) -> None:
    """She edits the plan while `asmo delete` waits for j/n: that file stays, the rest goes."""
    import sys

    import pexpect

    out = tmp_path / "plan"
    done = run_asmo(["plan", record.id, "--out", str(out)], home)
    assert done.returncode == 0, done.stderr
    env = dict(asmo_env(home), TERM="xterm-256color")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "asmo_cli", "delete", record.id],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 100),
    )
    child.expect(r"\(j/n\)")
    with (out / "ontwikkelplan.md").open("a", encoding="utf-8") as handle:
        handle.write("\nMijn eigen afspraak.\n")
    child.sendline("j")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert files_in(out) == {"ontwikkelplan.md"}
    assert "Mijn eigen afspraak." in (out / "ontwikkelplan.md").read_text(encoding="utf-8")


def test_team_names_a_json_of_hers_that_only_looks_like_asmos(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """Her own JSON with a 'files' key is not skipped silently: team names it."""
    folder = tmp_path / "team"
    folder.mkdir()
    ok(runner.invoke(app, ["report", record.id, "--out", str(folder), "--format", "json"]))
    (folder / "lijst.json").write_text('{"files": ["a", "b"]}', encoding="utf-8")
    result = runner.invoke(app, ["team", str(folder), "--out", str(tmp_path / "t")])
    assert "lijst.json" in result.output


# --- locks ----------------------------------------------------------------------------------


@needs_symlinks
def test_a_lock_that_is_a_link_is_refused_and_nothing_is_made_outside_the_home(
    runner: CliRunner, record: Record, home: Path, tmp_path: Path
) -> None:
    """A dangling link as the record's lock: a Dutch line, and no file appears where it points."""
    target = tmp_path / "buiten" / "gemaakt"
    target.parent.mkdir()
    (home / "assessments" / f"{record.id}.lock").symlink_to(target)
    for args in (["report", record.id], ["delete", record.id, "--yes"]):
        text = problem(runner.invoke(app, args))
        assert "link" in text
    assert not target.exists() and not list(target.parent.iterdir())


def test_parallel_hours_files_both_land(record: Record, home: Path, tmp_path: Path) -> None:
    """Two `hours --file` at once: the second waits for the first, both exit 0."""
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2}\n", encoding="utf-8")
    runs = [_start(["hours", record.id, "--file", str(uren)], home) for _ in range(2)]
    for process in runs:
        output = process.communicate(timeout=300)[0]
        assert process.returncode == 0, output


_start = start_asmo


RACERS = {
    "report": ["report", "{id}"],
    "plan": ["plan", "{id}", "--out", "{out}"],
    "invite": ["feedback", "invite", "{id}", "--out", "{out}"],
    "hours": ["hours", "{id}", "--file", "{uren}", "--out", "{out}"],
}


@pytest.mark.parametrize("command", sorted(RACERS))
def test_a_command_racing_delete_leaves_nothing_behind(
    catalogue: Catalogue, home: Path, tmp_path: Path, command: str
) -> None:
    """Three rounds: the command and `delete --yes` started together; delete exits 0 and no file
    of the record is left anywhere (the command either finished first or wrote nothing)."""
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2}\n", encoding="utf-8")
    for round_ in range(3):
        record = make_record(catalogue, datetime(2026, 3, 1, 9, round_), tasks=("archief",))
        out = tmp_path / f"uit-{round_}"
        values = {"id": record.id, "out": str(out), "uren": str(uren)}
        racer = _start([a.format(**values) for a in RACERS[command]], home)
        deleter = _start(["delete", record.id, "--yes"], home)
        deleted = deleter.communicate(timeout=300)[0]
        racer.communicate(timeout=300)
        assert deleter.returncode == 0, deleted
        left = [p for p in home.rglob("*") if record.id in str(p)]
        assert left == [] and not out.exists(), (round_, left, deleted)


def test_a_record_deleted_after_it_was_found_gets_nothing_written(
    catalogue: Catalogue, record: Record, home: Path, tmp_path: Path
) -> None:
    """The race above, made certain: the record is found, then deleted, then its files are
    written. It stays asmo's record (found by id), so its lock refuses and no folder is made."""
    from asmo_cli.api.reports import write_report_files
    from asmo_cli.core.errors import RecordError
    from asmo_cli.storage.erase import delete_record
    from asmo_cli.storage.store import find_complete, is_stored

    found = find_complete(record.id)
    delete_record(record.id)
    from dataclasses import replace

    assert is_stored(found) and not is_stored(replace(found, source=None))  # made in memory
    out = tmp_path / "uit"
    with pytest.raises(RecordError, match="net verwijderd"):
        write_report_files(catalogue, found, out)
    assert not out.exists() and not (home / "written.json").exists()


def test_six_concurrent_reports_then_delete_leave_nothing(
    record: Record, home: Path, tmp_path: Path
) -> None:
    """Six reports of one record at once all land; the list knows every file; delete removes
    them all."""
    outs = [tmp_path / f"uit-{n}" for n in range(6)]
    runs = [_start(["report", record.id, "--out", str(out)], home) for out in outs]
    for process in runs:
        output = process.communicate(timeout=600)[0]
        assert process.returncode == 0, output
    result = run_asmo(["delete", record.id, "--yes"], home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(out.exists() for out in outs)
    assert not [p for p in home.rglob("*") if record.id in str(p)]


# --- text is data in PDFs -------------------------------------------------------------------


def test_nb_is_text_in_every_pdf(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, edit: Editor, data_copy: Path
) -> None:
    """'{nb}' in a name, a giver's comment and an activity name appears literally in the report,
    plan, hours, invitation and team PDFs, and the pages are still numbered 'pagina 1 van N'."""

    def rename(data: Any) -> None:
        (task,) = [t for t in data["tasks"] if t["id"] == "archief"]
        activity = task["activities"][0]
        activity["name"] = f"{activity['name']} {{nb}}"

    edit("tasks.yaml", rename)
    record = make_record(
        catalogue, WHEN, 3, tasks=("archief", "correspondentie"), name="Fenna {nb} de Vries"
    )
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2}\n", encoding="utf-8")
    data = ["--data-dir", str(data_copy)]
    ok(runner.invoke(app, ["hours", record.id, "--file", str(uren), *data]))
    answers = {
        "asmo_feedback": 1,
        "record": record.id,
        "questionnaire_version": record.catalogue_version,
        "response_id": "r-1",
        "giver_role": "voorzitter",
        "name": "Jan",
        "ratings": {"archief": {"archief-beheren": 4}},
        "comments": {"archief": "Let op {nb} en {} blijft staan."},
    }
    given = tmp_path / "jan.json"
    given.write_text(json.dumps(answers), encoding="utf-8")
    ok(runner.invoke(app, ["feedback", "add", str(given), *data]))
    out = tmp_path / "uit"
    ok(runner.invoke(app, ["report", record.id, "--out", str(out), *data]))
    ok(runner.invoke(app, ["plan", record.id, "--out", str(out), *data]))
    invite = ["feedback", "invite", record.id, "--for", "Piet {nb}", "--out", str(out), *data]
    ok(runner.invoke(app, invite))
    ok(runner.invoke(app, ["team", str(out / "scores.json"), "--out", str(out), "--names"]))
    first = catalogue.task("archief").activities[0].name
    expected = {
        "rapport.pdf": ["Fenna {nb} de Vries", "Let op {nb} en {} blijft staan."],
        "ontwikkelplan.pdf": ["Fenna {nb} de Vries"],
        "tijdsbesteding.pdf": ["Fenna {nb} de Vries"],
        "uitnodiging-piet-nb.pdf": ["Piet {nb}", f"{first} {{nb}}"],
        "team.pdf": ["Fenna {nb} de Vries"],
    }
    for name, texts in expected.items():
        text = pdf_text(out / name)
        for wanted in texts:
            assert mentions(text, wanted), (name, wanted)
        pages = len(PdfReader(out / name).pages)
        assert mentions(text, f"pagina 1 van {pages}") and mentions(text, f"pagina {pages} van")


# --- team reads only members ----------------------------------------------------------------


def test_team_skips_its_own_outputs_and_asmos_other_files(
    runner: CliRunner, catalogue: Catalogue, record: Record, home: Path, tmp_path: Path
) -> None:
    """`team MAP --out MAP` twice counts the same members; over asmo's records folder with a
    feedback file it works; a scores.json renamed is still a member."""
    make_record(catalogue, datetime(2026, 4, 1, 9, 0), 4, tasks=("archief",), name="Bo")
    records = home / "assessments"
    (records / f"{record.id}.feedback.json").write_text(
        json.dumps({"format_version": 1, "record": record.id, "responses": []}), encoding="utf-8"
    )
    team = tmp_path / "team"
    team.mkdir()
    ok(runner.invoke(app, ["report", record.id, "--out", str(tmp_path / "r"), "--format", "json"]))
    (tmp_path / "r" / "scores.json").rename(team / "fenna.json")
    for _ in range(2):
        ok(runner.invoke(app, ["team", str(team), "--out", str(team)]))
        assert json.loads((team / "team.json").read_text(encoding="utf-8"))["members"] == 1
    text = ok(runner.invoke(app, ["team", str(records), "--out", str(tmp_path / "t2")]))
    assert "feedback" not in text
    assert json.loads((tmp_path / "t2" / "team.json").read_text(encoding="utf-8"))["members"] == 2
