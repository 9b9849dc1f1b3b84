"""A hostile setup gets a Dutch line, never a traceback; limits agree and are stated.

Unreadable folders (as another user than root), output encodings that cannot carry Dutch,
closed streams, an unwritable or fresh HOME for matplotlib, feedback that would outgrow what
asmo reads back, names compared after Unicode normalisation, and the low findings of the
adversarial review, each through the CLI.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage import locks

from .conftest import Editor
from .helpers import make_record
from .platforms import WINDOWS, needs_preexec, needs_pty, posix_permissions
from .test_hostile import asmo_command, asmo_env, assert_clean, mentions, ok, problem

NOBODY = 65534
SETPRIV = shutil.which("setpriv")


def run(
    args: list[str],
    home: Path,
    *,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    as_nobody: bool = False,
    encoding: str = "utf-8",
) -> subprocess.CompletedProcess[str]:
    """Run asmo in its own process (as the user 'nobody' when asked, for permission cases)."""
    command = asmo_command(args)
    if as_nobody and sys.platform != "win32" and os.geteuid() == 0:
        assert SETPRIV
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return subprocess.run(
        command,
        env={**asmo_env(home), **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="replace",
        timeout=120,
        preexec_fn=preexec,
        check=False,
    )


def clean_failure(done: subprocess.CompletedProcess[str], code: int = 1) -> str:
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert "Traceback" not in output and "Warning" not in output, output
    return output


def _reachable_for_others() -> Iterator[None]:
    """Let another user reach (not read) this Python and this checkout while the test runs.

    A fresh clone may sit in a folder only root can enter (``mktemp -d`` makes it 0700): the
    folders on the way get the search bit for others for the test's duration, and get their
    own rights back afterwards. Nothing is made readable that was not.
    """
    import asmo_cli

    places = {Path(sys.executable), Path(sys.executable).resolve(), Path(asmo_cli.__file__)}
    folders = {parent for place in places for parent in place.parents}
    changed: list[tuple[Path, int]] = []
    try:
        for folder in sorted(folders):
            mode = stat.S_IMODE(folder.stat().st_mode)
            if not mode & stat.S_IXOTH:
                folder.chmod(mode | stat.S_IXOTH)
                changed.append((folder, mode))
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder another user can reach (pytest's own temp folder is private to root); it and
    everything in it are removed afterwards, whatever the test changed of their rights."""
    if sys.platform == "win32":  # skipped there (posix_permissions); for mypy
        raise AssertionError("POSIX only")
    if os.geteuid() == 0 and not SETPRIV:
        pytest.skip("als root zonder setpriv kan de test niet als een andere gebruiker draaien")
    folder = Path(tempfile.mkdtemp(prefix="asmo-gedeeld-"))
    folder.chmod(0o755)
    try:
        with contextlib.contextmanager(_reachable_for_others)():
            probe = run(["--version"], folder / "probe", as_nobody=True)
            if probe.returncode != 0:
                pytest.skip(
                    f"een andere gebruiker kan asmo hier niet starten: {probe.stderr[:200]}"
                )
            yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(folder)


def _own(folder: Path) -> None:
    if sys.platform != "win32" and os.geteuid() == 0:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


# --- unreadable folders ---------------------------------------------------------------------


@posix_permissions
@pytest.mark.parametrize("which", ["assessments", "home"])
def test_an_unreadable_folder_is_named_by_every_command(
    shared: Path, answers_file: Path, which: str
) -> None:
    """As another user than root: with the records folder (or asmo's home) unreadable, history,
    report, plan, invite, delete and assess say which folder cannot be read, in Dutch, and
    never that there are no records."""
    home = shared / "home"
    done = run(["assess", "--answers", str(answers_file)], home)
    assert done.returncode == 0, done.stderr
    record_id = next((home / "assessments").glob("*.yaml")).stem
    answers = shared / "antwoorden.yaml"
    shutil.copyfile(answers_file, answers)
    _own(shared)
    (home if which == "home" else home / which).chmod(0)
    for args in (
        ["history"],
        ["report"],
        ["plan"],
        ["feedback", "invite"],
        ["delete", record_id, "--yes"],
        ["assess", "--answers", str(answers)],
    ):
        output = clean_failure(run(args, home, as_nobody=True))
        assert "Fout:" in output and "geen toestemming" in output, (args, output)
        assert "nog geen metingen" not in output, (args, output)


@posix_permissions
def test_an_unwritable_home_keeps_matplotlib_quiet_and_private(
    shared: Path, answers_file: Path
) -> None:
    """As another user than root, HOME unwritable: no English matplotlib warning; its cache
    goes into asmo's own folder, 0700."""
    user_home = shared / "thuis"
    user_home.mkdir()
    asmo_home = shared / "asmo"
    asmo_home.mkdir()
    answers = shared / "antwoorden.yaml"
    shutil.copyfile(answers_file, answers)
    _own(shared)
    user_home.chmod(0o500)
    env = {"HOME": str(user_home), "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""}
    done = run(["assess", "--answers", str(answers)], asmo_home, env=env, as_nobody=True)
    assert done.returncode == 0, done.stderr
    assert "atplotlib" not in done.stderr and "Warning" not in done.stderr, done.stderr
    cache = asmo_home / "matplotlib"
    assert cache.is_dir() and stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_fresh_home_gets_no_folder_from_matplotlib(
    home: Path, tmp_path: Path, answers_file: Path
) -> None:
    """A HOME without matplotlib's folders: asmo makes none there (matplotlib would, 0755), and
    uses a private one in its own folder."""
    user_home = tmp_path / "thuis"
    user_home.mkdir()
    env = {"HOME": str(user_home), "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": ""}
    done = run(["assess", "--answers", str(answers_file)], home, env=env)
    assert done.returncode == 0, done.stderr
    assert list(user_home.iterdir()) == []
    if not WINDOWS:
        assert stat.S_IMODE((home / "matplotlib").stat().st_mode) == 0o700


# --- streams --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"},
    ],
)
def test_an_output_that_cannot_carry_dutch_degrades_readably(
    catalogue: Catalogue, home: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """roles, history with a name 'Zoë' and a Dutch error on an ASCII or latin-1 output: no
    UnicodeEncodeError, no '\\xeb', a readable stand-in, and the notice once."""
    make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",), name="Zoë ★")
    done = run(["roles"], home, env=env)
    assert done.returncode == 0, done.stderr
    assert "Penvoerder" in done.stdout and "Traceback" not in done.stderr
    assert done.stderr.count("kan niet alle tekens tonen") == 1
    encoding = "latin-1" if env.get("PYTHONIOENCODING") == "latin-1" else "ascii"
    listed = run(["history"], home, env=env, encoding=encoding)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    assert "Zoë" in listed.stdout or "Zoe *" in listed.stdout, listed.stdout
    answers = tmp_path / "a.yaml"
    answers.write_text("ratings:\n  archief:\n    vergaderingën: 4\n", encoding="utf-8")
    output = clean_failure(
        run(["assess", "--answers", str(answers)], home, env=env, encoding=encoding)
    )
    assert "\\x" not in output and "onbekende activiteit" in output, output
    assert "vergaderingën" in output or "vergaderingen" in output, output


def _close_stdin() -> None:
    os.close(0)


@needs_preexec
@pytest.mark.parametrize(
    "args",
    [
        ["assess"],
        ["delete", "{id}"],
        ["hours", "{id}"],
        ["feedback", "add", "--interactive", "{id}"],
    ],
)
def test_a_closed_stdin_gets_the_dutch_way_without_a_terminal(
    catalogue: Catalogue, home: Path, args: list[str]
) -> None:
    """`asmo assess <&-` (and delete, hours, feedback add --interactive): exit 1 with the
    command to use without a terminal, no AttributeError."""
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    done = run([a.format(id=record.id) for a in args], home, preexec=_close_stdin)
    output = clean_failure(done)
    assert "zonder terminal" in output and "AttributeError" not in output


@needs_preexec
def test_a_closed_stdout_is_no_crash(home: Path) -> None:
    done = run(["roles"], home, preexec=lambda: os.close(1))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


# --- limits ---------------------------------------------------------------------------------


def test_feedback_that_asmo_could_not_read_back_is_refused_before_saving(
    runner: CliRunner,
    catalogue: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """More givers or bytes than asmo keeps with a record: refused naming the limit, and the
    feedback kept so far still reads back."""
    from asmo_cli.storage import feedback

    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))

    def answers(n: int, comment: str = "Goed.") -> Path:
        data = {
            "asmo_feedback": 1,
            "record": record.id,
            "questionnaire_version": record.catalogue_version,
            "response_id": f"r-{n}",
            "giver_role": "or-lid",
            "ratings": {"archief": {"archief-beheren": 4}},
            "comments": {"archief": comment},
        }
        path = tmp_path / f"g{n}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    monkeypatch.setattr(feedback, "MAX_GIVERS", 2)
    ok(runner.invoke(app, ["feedback", "add", str(answers(1)), str(answers(2))]))
    text = problem(runner.invoke(app, ["feedback", "add", str(answers(3))]))
    assert "hoogstens 2" in text and "Deze nieuwe feedback is niet bewaard" in text
    monkeypatch.setattr(feedback, "MAX_GIVERS", 100)
    monkeypatch.setattr(feedback, "MAX_STORE_BYTES", 3000)
    text = problem(runner.invoke(app, ["feedback", "add", str(answers(4, "lang " * 600))]))
    assert "groter dan 0,003 MB" in text
    assert len(feedback.load_feedback(record.id)) == 2
    ok(runner.invoke(app, ["report", record.id]))


def test_names_and_catalogue_texts_have_limits(
    runner: CliRunner, tmp_path: Path, edit: Editor, data_copy: Path
) -> None:
    """A name over 200 characters in an answers file, a role name over 200 and a description
    over 1 000 in the catalogue: refused, naming the field and the limit."""
    answers = tmp_path / "a.yaml"
    answers.write_text(
        yaml.safe_dump({"name": "A" * 201, "ratings": {"archief": {"archief-beheren": 4}}}),
        encoding="utf-8",
    )
    text = problem(runner.invoke(app, ["assess", "--answers", str(answers)]))
    assert "langer dan 200 tekens" in text

    def long_texts(data: Any) -> None:
        data["roles"][0]["name"] = "R" * 10_000
        data["roles"][1]["description"] = "d" * 1001

    edit("roles.yaml", long_texts)
    text = problem(runner.invoke(app, ["validate", "--data-dir", str(data_copy)]))
    assert mentions(text, "veld 'name' is langer dan 200 tekens")
    assert mentions(text, "veld 'description' is langer dan 1000 tekens")


# --- names ----------------------------------------------------------------------------------


def test_nfc_and_nfd_are_one_person(runner: CliRunner, catalogue: Catalogue, home: Path) -> None:
    """'Zoë' typed as one character and as e + diaeresis: --previous finds the earlier record,
    history shows both as one person's."""
    nfc, nfd = unicodedata.normalize("NFC", "Zoë"), unicodedata.normalize("NFD", "Zoë")
    assert nfc != nfd
    make_record(catalogue, datetime(2025, 3, 1, 9, 0), 3, tasks=("archief",), name=nfc)
    later = make_record(catalogue, datetime(2026, 3, 1, 9, 0), 4, tasks=("archief",), name=nfd)
    text = ok(runner.invoke(app, ["report", later.id, "--previous", "--format", "json"]))
    assert "andere persoon" not in text
    data = json.loads((home / "rapporten" / later.id / "scores.json").read_text("utf-8"))
    assert data["comparison"]["id"] == "20250301-090000"
    history = ok(runner.invoke(app, ["history"]))
    assert "Ook metingen van" not in history


def test_history_for_nobody_says_so(runner: CliRunner, catalogue: Catalogue) -> None:
    make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",), name="Fenna")
    text = ok(runner.invoke(app, ["history", "--name", "Niemand"]))
    assert "geen afgeronde meting van 'Niemand'; wel van: Fenna" in text


# --- low findings ---------------------------------------------------------------------------


def test_an_empty_out_is_refused(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", record.id, "--out", ""])
    assert result.exit_code == 2 and "geef de naam van een map" in result.output
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_name_in_another_script_gets_no_english_warning(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        yaml.safe_dump(
            {"name": "陈美玲 🙂", "ratings": {"archief": {"archief-beheren": 4}}},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    done = run(["assess", "--answers", str(answers)], home)
    assert done.returncode == 0, done.stderr
    assert "Glyph" not in done.stderr and "Warning" not in done.stderr, done.stderr


def test_feedback_messages_do_not_contradict_themselves(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """'record': null is one line (empty, not unknown); a number as questionnaire_version
    asks for text; a response_id of spaces is empty, not 'not text'."""
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    data = {
        "asmo_feedback": 1,
        "record": None,
        "questionnaire_version": 2026.2,
        "response_id": "   ",
        "giver_role": "or-lid",
        "ratings": {"archief": {"archief-beheren": 4}},
    }
    path = tmp_path / "f.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    text = problem(runner.invoke(app, ["feedback", "add", str(path)]))
    assert "verplicht veld 'record' is leeg (null)" in text and "onbekende meting" not in text
    data["record"] = record.id
    path.write_text(json.dumps(data), encoding="utf-8")
    text = " ".join(problem(runner.invoke(app, ["feedback", "add", str(path)])).split())
    assert "questionnaire_version: moet tekst zijn" in text and "is niet de vragenlijst" not in text
    assert "response_id: is leeg" in text and "niet tekst" not in text


def _terminal(home: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, ASMO_HOME=str(home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    return pexpect.spawn(
        sys.executable,
        ["-m", "asmo_cli", *args],
        env=env,
        dimensions=(24, 100),
        encoding="utf-8",
        timeout=30,
    )


@needs_pty
def test_ctrl_c_at_a_yes_no_question_exits_130(catalogue: Catalogue, home: Path) -> None:
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    child = _terminal(home, "delete", record.id)
    child.expect(r"\(j/n\)")
    child.sendintr()
    child.expect("Gestopt; niets verwijderd")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 or child.signalstatus == signal.SIGINT
    assert child.exitstatus == 130
    assert (home / "assessments" / f"{record.id}.yaml").is_file()


@needs_pty
def test_resume_with_the_only_unfinished_record_open_elsewhere(
    catalogue: Catalogue, home: Path
) -> None:
    """assess --resume while the only unfinished record is open in another window: it says
    that one is open, and that there is no other, never that there is none at all."""
    from asmo_cli.core.record import with_ratings
    from asmo_cli.storage.store import save_record

    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",), save=False)
    save_record(with_ratings(record, {"archief": {"archief-beheren": 3}}, catalogue))
    with locks.lock_record(record.id):
        child = _terminal(home, "assess", "--resume")
        child.expect("1 onafgeronde meting is open in een ander asmo-venster")
        child.expect("Er is geen andere onafgeronde meting; je begint een nieuwe")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
    assert_clean(child.before or "")


def test_a_folder_asmo_may_not_open_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home that exists but may not be opened (mode 000 for another user) makes creating
    its subfolder fail with PermissionError: the line says it may not open or write there and
    what to do, not only "map maken mislukt"."""
    from asmo_cli.core.errors import AsmoError
    from asmo_cli.storage.files import ensure_dir

    def refuse(self: Path, mode: int = 0o777) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(AsmoError) as caught:
        ensure_dir(tmp_path / "home" / "assessments")
    text = str(caught.value)
    assert "mag deze map of een map erboven niet openen of er niet in schrijven" in text
    assert "ASMO_HOME" in text and "Permission denied" not in text
