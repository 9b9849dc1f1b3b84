"""Every command asmo suggests works as printed, after the README's set-up (issue 15).

A fresh copy of the project (the files git knows plus the untracked ones it does not ignore,
so uncommitted work is tested too) gets the README's set-up, ``python3 dev.py run``, which
makes ``.venv`` and installs asmo. Then, in a plain shell (PATH of the system, a private
ASMO_HOME and HOME, no VIRTUAL_ENV, no terminal), asmo is used the README's way
(``python3 dev.py asmo ...`` / ``python3 dev.py run ...``) in several situations: no
assessments yet, a first and a second assessment from an answers file, an interrupted one, and
commands that fail. Every command asmo prints as a hint is run as printed (``bash -c``, in the
project folder, stdin closed), each from the state it was printed in, and the hints those print
too. A hint that needs a terminal may end with a Dutch message and a non-zero exit, but none may
give 'command not found' (exit 127) or a traceback.

"As printed" includes the line breaks: rich wraps at 80 columns without a terminal (and in an
80-column terminal), and a hint broken over two lines, pasted into a shell, runs as two
commands.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pexpect
import pytest
import yaml

from .platforms import WINDOWS, needs_bash, venv_script

# The README's commands for Linux and macOS, run in bash with a POSIX PATH (and some in a
# pseudo-terminal); on Windows the README says ``py dev.py ...`` and there is no such shell.
posix_shell = pytest.mark.skipif(
    WINDOWS, reason="runs the README's Linux/macOS commands (python3 dev.py ...) in a POSIX shell"
)

ROOT = Path(__file__).resolve().parent.parent
PROG = "python3 dev.py asmo"  # how asmo names itself in a shell set up by dev.py (ASMO_PROG)
PLAIN_PATH = "/usr/local/bin:/usr/bin:/bin"
WIDTH = 80  # rich's width without a terminal, and the width of the pseudo-terminal below
# asmo's commands, with the commands of a command group
SUBCOMMANDS: dict[str, frozenset[str]] = {
    **{c: frozenset() for c in ("assess", "report", "plan", "hours", "history", "delete")},
    **{c: frozenset() for c in ("team", "roles", "validate")},
    "feedback": frozenset({"invite", "add"}),
}
# Dutch words that end a command in a sentence ("... met: asmo report om te ..."), never an
# argument of a suggested command.
STOP_WORDS = frozenset(
    {"en", "of", "om", "met", "als", "voor", "dan", "in", "op", "te", "de", "het", "een", "zie"}
)
CLOSING = ".,;:?!)]'\""
OPENING = "([{'\""
FIRST_ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"


# --- finding the hints in what asmo printed ------------------------------------------------


@dataclass(frozen=True)
class Hint:
    """A command asmo printed: ``printed`` holds the line breaks it was printed with."""

    command: str
    printed: str

    @property
    def split(self) -> bool:
        return "\n" in self.printed


def _logical_lines(text: str, width: int = WIDTH) -> Iterator[tuple[str, frozenset[int]]]:
    """Join the lines that were wrapped at ``width``; give each with the offsets of its joins.

    rich wraps a long line at a space: the wrapped line ends with that space, or (when the
    space fell exactly at the edge) is exactly ``width`` long. Every join becomes one space in
    the logical line; its offset is where the line break was.
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        logical = lines[index]
        joins: set[int] = set()
        while index + 1 < len(lines) and (logical.endswith(" ") or len(lines[index]) == width):
            logical = logical.rstrip(" ")
            joins.add(len(logical))
            index += 1
            logical = f"{logical} {lines[index]}"
        index += 1
        yield logical, frozenset(joins)


def _tail(line: str, start: int) -> tuple[list[str], int]:
    """Return the words of a command that continues at ``start``, and where it ends."""
    words: list[str] = []
    end = start
    word_re = re.compile(r" (\S+)")
    while (match := word_re.match(line, end)) is not None:
        word = match.group(1)
        if word[0] in OPENING or word in STOP_WORDS:
            break
        stripped = word.rstrip(CLOSING)
        if stripped != word:  # punctuation ends the command
            if stripped:
                words.append(stripped)
                end = match.start(1) + len(stripped)
            break
        words.append(word)
        end = match.end()
    return words, end


def _printed(line: str, start: int, end: int, joins: frozenset[int]) -> str:
    return "".join(
        "\n" if start + i in joins else char for i, char in enumerate(line[start:end])
    ).replace(" \n", "\n")


def extract_hints(text: str, prog: str = PROG, *, plain_too: bool = True) -> list[Hint]:
    """Return every command in ``text`` that starts with ``prog`` or (``plain_too``) ``asmo``.

    A plain ``asmo`` counts only when a subcommand or an option follows (``Hulp: asmo team -h``,
    ``(zie asmo history)``, ``Gebruik: asmo [OPTIES] ...``), and not when a Dutch word
    follows the subcommand: ``asmo assess stelt vragen`` names the command, it suggests nothing.
    """
    hints: dict[str, Hint] = {}
    for line, joins in _logical_lines(text):
        found: list[tuple[int, int, str]] = []
        masked = line
        for match in re.finditer(re.escape(prog), line):
            words, end = _tail(line, match.end())
            found.append((match.start(), end, " ".join([prog, *words])))
            masked = masked[: match.start()] + "\0" * len(prog) + masked[match.end() :]
        if plain_too:
            for match in re.finditer(r"(?<![\w./\\-])asmo(?= \S)", masked):
                next_word = masked[match.end() + 1 :].split(" ", 1)[0]
                if next_word.startswith("["):  # a usage line: "Gebruik: asmo [OPTIES] ..."
                    found.append((match.start(), match.end(), "asmo"))
                    continue
                if not (next_word.startswith("-") or next_word.rstrip(CLOSING) in SUBCOMMANDS):
                    continue  # "asmo is ...", "de map asmo in je Documenten", "asmo 0.1.0"
                words, end = _tail(line, match.end())
                if words and words[0] in SUBCOMMANDS:
                    rest = words[1:]
                    if rest and rest[0] in SUBCOMMANDS[words[0]]:
                        rest = rest[1:]  # "asmo feedback add ..."
                    if rest and rest[0].isalpha() and rest[0].islower():
                        continue  # "asmo assess stelt vragen": names a command, suggests none
                found.append((match.start(), end, " ".join(["asmo", *words])))
        for start, end, command in sorted(found):
            hint = Hint(command, _printed(line, start, end, joins))
            hints.setdefault(hint.printed, hint)
    return list(hints.values())


def test_extract_hints_from_a_sentence_with_several() -> None:
    text = (
        f"Verder: je ontwikkelplan: {PROG} plan; vergelijken met je vorige meting: "
        f"{PROG} report --previous; je metingen: {PROG} history.\n"
    )
    assert [h.command for h in extract_hints(text)] == [
        f"{PROG} plan",
        f"{PROG} report --previous",
        f"{PROG} history",
    ]


def test_extract_hints_in_quotes_brackets_and_with_placeholders() -> None:
    text = (
        f"Fout: er is nog geen afgeronde meting; begin er een met '{PROG} assess' "
        "(er staan nog geen metingen in /tmp/x/asmo/assessments)\n"
        f" » Nee, nu niet (kan later met: {PROG} hours)\n"
        f"Fout: asmo hours stelt vragen en heeft daarvoor een terminal nodig; gebruik zonder "
        f"terminal: {PROG} hours 20261123-181607 --file BESTAND.yaml\n"
        f"Maak het rapport later opnieuw met: {PROG} report 20261123-181607 --out ANDERE-MAP\n"
    )
    assert [h.command for h in extract_hints(text)] == [
        f"{PROG} assess",
        f"{PROG} hours",
        f"{PROG} hours 20261123-181607 --file BESTAND.yaml",
        f"{PROG} report 20261123-181607 --out ANDERE-MAP",
    ]


def test_extract_hints_joins_wrapped_lines_and_keeps_the_break() -> None:
    text = (
        "medezeggenschapsraad of cliëntenraad. Meer over één rol: python3 dev.py asmo \n"
        "roles NAAM (bijvoorbeeld python3 dev.py asmo roles kenner). De competenties: \n"
        "python3 dev.py asmo roles --competencies.\n"
        "Gestopt. Al je antwoorden zijn bewaard. Ga later verder met: python3 dev.py asmo\n"
        "assess\n"
    )
    hints = extract_hints(text)
    assert [h.command for h in hints] == [
        f"{PROG} roles NAAM",
        f"{PROG} roles kenner",
        f"{PROG} roles --competencies",
        f"{PROG} assess",
    ]
    assert [h.split for h in hints] == [True, False, False, True]
    assert hints[0].printed == f"{PROG}\nroles NAAM"
    assert hints[3].printed == f"{PROG}\nassess"


def test_extract_hints_finds_plain_asmo_commands_but_not_prose() -> None:
    text = (
        "Gebruik: asmo team [OPTIES] PAD...\n"
        "Hulp: asmo team -h\n"
        "  METING  Id van de meting (zie asmo history).  [verplicht]\n"
        "Fout: asmo assess stelt vragen en heeft daarvoor een terminal nodig\n"
        "Fout: x: asmo hours werkt alleen met metingen in je eigen map\n"
        "  Verwijder een meting en alles wat asmo ervan maakte (rapporten, plan, uren).\n"
        "  --out MAP  Map voor de bestanden (standaard: de map asmo in je\n"
        "asmo 0.1.0\n"
        "Let op: 1 onafgeronde meting(en) zijn open in een ander asmo-venster\n"
        "asmo feedback invite maakt een uitnodiging; asmo feedback add bewaart de antwoorden\n"
        "Hulp: asmo feedback add -h\n"
    )
    assert [h.command for h in extract_hints(text)] == [
        "asmo team",
        "asmo team -h",
        "asmo history",
        "asmo feedback add -h",
    ]
    assert extract_hints(text, plain_too=False) == []


def test_extract_hints_ignores_paths_and_a_line_without_hints() -> None:
    text = "Je rapport: /tmp/asmo/rapporten/20261123-181607/rapport.pdf\nasmo\n"
    assert extract_hints(text) == []


# --- the fresh copy, its set-up, and running commands in a plain shell ----------------------


def _project_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name]


def _copy_project(target: Path) -> None:
    """Copy the working tree as a fresh clone would have it, with uncommitted work."""
    for name in _project_files():
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree, still in the index
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name, follow_symlinks=False)


def _outside_venvs(path: str) -> str:
    """The PATH without any virtual environment's bin folder (this test may run from one)."""
    parts = [
        p for p in path.split(os.pathsep) if p and not (Path(p).parent / "pyvenv.cfg").exists()
    ]
    return os.pathsep.join(parts)


def _setup_env(asmo_home: Path) -> dict[str, str]:
    """The user's own shell for the set-up (pip finds its configuration), minus any venv."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ASMO_", "PYTHON", "PYTEST"))
        and key not in ("VIRTUAL_ENV", "COLUMNS", "LINES", "NO_COLOR")
    }
    env["PATH"] = _outside_venvs(env.get("PATH", PLAIN_PATH))
    env["ASMO_HOME"] = str(asmo_home)
    return env


def _plain_env(home: Path, asmo_home: Path) -> dict[str, str]:
    return {"PATH": PLAIN_PATH, "HOME": str(home), "ASMO_HOME": str(asmo_home), "LANG": "C.UTF-8"}


@dataclass(frozen=True)
class Ran:
    command: str
    returncode: int
    stdout: str
    stderr: str

    def problems(self) -> list[str]:
        found = []
        if self.returncode == 127:
            found.append("exit 127")
        if "command not found" in self.stdout + self.stderr:
            found.append("'command not found'")
        if "Traceback" in self.stdout + self.stderr:
            found.append("a traceback")
        if self.returncode < 0:
            found.append(f"killed by signal {-self.returncode}")
        if self.returncode and not (self.stdout + self.stderr).strip():
            found.append(f"exit {self.returncode} without a word")
        return found

    def last_line(self) -> str:
        lines = [line for line in (self.stderr or self.stdout).splitlines() if line.strip()]
        return lines[-1] if lines else ""


def _shell(command: str, cwd: Path, env: dict[str, str], timeout: float = 600) -> Ran:
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Ran(command, done.returncode, done.stdout, done.stderr)


def _plain_python3_is_new_enough() -> bool:
    """Whether the python3 a plain shell finds is 3.11 or newer (what dev.py asks for)."""
    done = subprocess.run(
        ["python3", "-c", "import sys; print(sys.version_info >= (3, 11))"],
        env={"PATH": PLAIN_PATH},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() == "True"


@dataclass(frozen=True)
class Project:
    clone: Path
    work: Path
    setup: Ran


# SLOW: this fixture copies the project and runs the README's set-up in the copy: a new .venv
# and a pip install of asmo with its dev tools, 20 s to 3 min depending on the machine and
# pip's cache. Module scope: it is done once for all the tests in this file. Running the
# situations and their hints (about 90 asmo runs) adds about 75 s.
@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs a git checkout to know which files belong to the project")
    if shutil.which("python3", path=PLAIN_PATH) is None:
        pytest.fail(f"no python3 on the system PATH ({PLAIN_PATH}): the README's commands fail")
    if sys.platform == "darwin" and not _plain_python3_is_new_enough():
        pytest.skip(
            f"the python3 on macOS's system PATH ({PLAIN_PATH}) is older than 3.11 (such as "
            "Apple's own 3.9): the README's set-up refuses it; an AS installs a newer one first"
        )
    work = tmp_path_factory.mktemp("hints")
    clone = work / "asmo"
    clone.mkdir()
    _copy_project(clone)
    # The README: "python3 dev.py run  # richt alles in (eerste keer) en start de zelfassessment".
    # Without a terminal it sets everything up and then says that assess needs a terminal.
    (work / "setup-home").mkdir()
    setup = _shell("python3 dev.py run", clone, _setup_env(work / "setup-home"))
    assert venv_script(clone / ".venv", "asmo").exists(), setup.stdout + setup.stderr
    assert "Traceback" not in setup.stderr, setup.stderr
    # running the tool installs what it needs, no test tool (those come with dev.py test)
    tools = [t for t in ("pytest", "ruff", "mypy") if venv_script(clone / ".venv", t).exists()]
    assert not tools, f"python3 dev.py run installed test tools: {tools}"
    return Project(clone, work, setup)


# --- the situations asmo prints hints in ----------------------------------------------------


@dataclass(frozen=True)
class Situation:
    """A state of ASMO_HOME made by ``setup`` (or a session in a terminal), and ``probes``.

    The hints printed by the last setup command and by each probe are run; each probe runs on
    its own copy of the state. ``{id}`` is the newest record, ``{home}`` ASMO_HOME, ``{file}``
    an answers file by name.
    """

    setup: tuple[str, ...] = ()
    terminal: str | None = None  # a session in a pseudo-terminal: see _terminal_session
    probes: tuple[str, ...] = ()
    terminal_probes: tuple[str, ...] = ()  # probes in a terminal that ask nothing
    requires: str | None = None  # a command that must work, else the situation is skipped
    feedback: bool = False  # write {file[feedback]}: a giver's answers for the newest record


HELP = tuple(f"{PROG} {c} -h" for c in [*SUBCOMMANDS, "feedback invite", "feedback add"])
SITUATIONS: dict[str, Situation] = {
    "geen-metingen": Situation(
        probes=(
            PROG,
            "python3 dev.py run",
            f"{PROG} assess",
            f"{PROG} assess --resume",
            f"{PROG} history",
            f"{PROG} report",
            f"{PROG} report --previous",
            f"{PROG} plan",
            f"{PROG} hours",
            f"{PROG} delete 20260101-000000",
            f"{PROG} team",
            f"{PROG} report --bogus",
            f"{PROG} reprot",
            f"{PROG} roles",
            f"{PROG} roles kenner",
            f"{PROG} roles --competencies",
            f"{PROG} validate",
            *HELP,
        ),
    ),
    "eerste-meting": Situation(
        setup=(f"{PROG} assess --answers {{file[eerste]}}",),
        probes=(
            f"{PROG} history",
            f"{PROG} report",
            f"{PROG} report --previous",
            f"{PROG} plan",
            f"{PROG} hours",
            f"{PROG} delete {{id}}",
            f"{PROG} assess {{id}}",
            f"{PROG} assess",
            f"{PROG} team {{home}}/assessments",
            f"{PROG} assess --answers {{file[eerste]}} --out {{file[geen-map]}}",
        ),
        terminal_probes=(f"{PROG} assess {{id}}",),  # a finished one: "... assess --new"
    ),
    "tweede-meting": Situation(
        setup=(
            f"{PROG} assess --answers {{file[eerste]}}",
            "python3 dev.py run --answers {file[tweede]}",
        ),
        probes=(f"{PROG} history", f"{PROG} report --previous"),
    ),
    "andere-naam": Situation(
        setup=(
            f"{PROG} assess --answers {{file[eerste]}}",
            f"{PROG} assess --answers {{file[andere-naam]}}",
        ),
        probes=(f"{PROG} history",),
    ),
    "zonder-naam": Situation(
        setup=(
            f"{PROG} assess --answers {{file[zonder-naam]}}",
            f"{PROG} assess --answers {{file[zonder-naam]}}",
        ),
    ),
    "onderbroken": Situation(
        terminal="stop-halfway",
        probes=(
            f"{PROG} history",
            f"{PROG} report",
            f"{PROG} report {{id}}",
            f"{PROG} plan {{id}}",
            f"{PROG} hours {{id}}",
            f"{PROG} assess {{id}}",
            f"{PROG} assess --resume",
        ),
    ),
    "urenvraag": Situation(terminal="finish", probes=(f"{PROG} hours",)),
    "gestopt-bij-urenvraag": Situation(
        terminal="stop-at-hours", probes=(f"{PROG} history", f"{PROG} report")
    ),
    "feedback": Situation(
        setup=(f"{PROG} assess --answers {{file[eerste]}}",),
        probes=(
            f"{PROG} feedback",
            f"{PROG} feedback invite",
            f"{PROG} feedback invite --for 'Jan de Boer' --for 'Eva Smit'",
            f"{PROG} feedback add {{file[feedback]}}",
            f"{PROG} feedback add {{file[geen-map]}}",
        ),
        requires=f"{PROG} feedback -h",
        feedback=True,
    ),
}


def _feedback_answers(record: Path) -> dict[str, object]:
    """What the invitation page makes for a giver (see storage/feedback.py)."""
    stored = yaml.safe_load(record.read_text(encoding="utf-8"))
    return {
        "asmo_feedback": 1,
        "record": record.stem,
        "questionnaire_version": stored["catalogue_version"],
        "response_id": "r-1",
        "giver_role": "voorzitter",
        "name": "Jan de Boer",
        "ratings": {"correspondentie": {"brieven-adviezen-concipieren": 4}},
        "comments": {"correspondentie": "Altijd op tijd."},
    }


def _answers_files(folder: Path) -> dict[str, Path]:
    """The README's example answers, without hours; the same person again; others."""
    example = yaml.safe_load(FIRST_ANSWERS.read_text(encoding="utf-8"))
    first = {
        k: v for k, v in example.items() if k not in ("hours_per_week", "contract_hours_per_week")
    }
    contents = {
        "eerste": first,
        "tweede": example,
        "andere-naam": {**first, "name": "Sam Jansen"},
        "zonder-naam": {k: v for k, v in first.items() if k != "name"},
    }
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, content in contents.items():
        files[name] = folder / f"{name}.yaml"
        files[name].write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    files["geen-map"] = folder / "geen-map"  # a file where a folder should be
    files["geen-map"].write_text("", encoding="utf-8")
    return files


_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def _terminal_text(raw: str) -> str:
    """What a terminal showed, as lines: without escape sequences and carriage returns."""
    return "\n".join(re.split(r"\r*\n|\r", _ESCAPES.sub("", raw)))


DOWN, SPACE, ENTER = "\x1b[B", " ", "\r"


def _spawn(clone: Path, env: dict[str, str], command: str) -> tuple[pexpect.spawn, io.StringIO]:
    """Start ``command`` with bash in an 80-column pseudo-terminal; its output goes to a log."""
    # pexpect emulates no terminal: without this prompt_toolkit waits for a cursor position.
    env = dict(env, TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(
        "bash",
        ["-c", command],
        cwd=str(clone),
        env=env,
        dimensions=(24, WIDTH),
        encoding="utf-8",
        timeout=120,
    )
    log = io.StringIO()
    child.logfile_read = log
    return child, log


def _in_terminal(clone: Path, env: dict[str, str], command: str) -> str:
    """Run a command that asks nothing in a pseudo-terminal; return what it showed."""
    child, log = _spawn(clone, env, command)
    child.expect(pexpect.EOF)
    child.close()
    return _terminal_text(log.getvalue())


def _terminal_session(clone: Path, env: dict[str, str], how: str) -> tuple[str, int | None]:
    """Run ``python3 dev.py run`` in an 80-column pseudo-terminal and answer a few questions.

    ``stop-halfway``: Ctrl-C after one answer; ``stop-at-hours``: Ctrl-C at the question about
    the hours; ``finish``: "Nee, nu niet" there, so the results are shown.
    """
    child, log = _spawn(clone, env, "python3 dev.py run")
    child.expect("Je naam")
    child.send("Test" + ENTER)
    child.expect("functieniveau")
    child.send(ENTER)
    child.expect("Voor welke raad")
    child.send(ENTER)
    child.expect("Welke werkzaamheden")
    child.send(DOWN + DOWN + SPACE + ENTER)  # Bewaken afspraken/procedures: three activities
    child.expect("Bewaken voortgang")
    child.send("4")
    child.expect("Bewaken naleving")
    if how == "stop-halfway":
        child.sendcontrol("c")
    else:
        child.send("3")
        child.expect("Afsprakenlijst")
        child.send("5")
        child.expect("tijdsbesteding invullen")
        child.expect("Ja, uren")
        if how == "finish":
            child.send(ENTER)
        else:
            child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    status: int | None = child.exitstatus
    return _terminal_text(log.getvalue()), status


@dataclass
class HintRun:
    hint: Hint
    source: str  # the (first) command that printed it
    ran: Ran
    also_from: list[str] = field(default_factory=list)  # other commands that printed it


@dataclass
class Explored:
    """What one situation printed (setup and probes) and every hint run from it."""

    printed: dict[str, str] = field(default_factory=dict)  # command -> its output
    runs: list[HintRun] = field(default_factory=list)
    assessment: str = ""  # what the last setup command (or the terminal session) printed
    unexplored: int = 0  # hints left when MAX_RUNS was reached

    def run_of(self, command: str) -> HintRun:
        return next(r for r in self.runs if r.hint.command == command)


class World:
    """Explores the situations one by one (each once), in the fresh copy of the project."""

    MAX_RUNS = 80  # per situation: hints of hints of ... stop somewhere

    def __init__(self, project: Project) -> None:
        self.project = project
        self.home = project.work / "home"
        self.home.mkdir(exist_ok=True)
        self.files = _answers_files(project.work / "antwoorden")
        self.done: dict[str, Explored] = {}

    def explore(self, name: str) -> Explored:
        requires = SITUATIONS[name].requires
        if requires is not None:
            env = _plain_env(self.home, self.project.work / "requires")
            ran = _shell(requires, self.project.clone, env)
            if ran.returncode:
                pytest.skip(f"{requires!r} does not work here: {ran.last_line()}")
        if name not in self.done:
            self.done[name] = self._explore(name, SITUATIONS[name])
        return self.done[name]

    def _explore(self, name: str, situation: Situation) -> Explored:
        folder = self.project.work / "situaties" / name
        asmo_home = folder / "asmo"
        asmo_home.mkdir(parents=True)
        env = _plain_env(self.home, asmo_home)
        states = folder / "states"
        explored = Explored()
        queue: list[tuple[Hint, str, Path]] = []

        def save_state() -> Path:
            state = states / str(len(list(states.glob("*"))) if states.exists() else 0)
            shutil.copytree(asmo_home, state, symlinks=True)
            return state

        def restore(state: Path) -> None:
            shutil.rmtree(asmo_home)
            shutil.copytree(state, asmo_home, symlinks=True)

        def run(command: str, state: Path | None) -> Ran:
            if state is not None:
                restore(state)
            ran = _shell(command, self.project.clone, env)
            explored.printed[command] = ran.stdout + ran.stderr
            return ran

        def queue_hints(ran_or_text: Ran | str, source: str) -> None:
            texts = (
                [ran_or_text]
                if isinstance(ran_or_text, str)
                else [ran_or_text.stdout, ran_or_text.stderr]
            )
            hints = [
                h for t in texts for h in extract_hints(t, plain_too=isinstance(ran_or_text, Ran))
            ]
            if hints:
                state = save_state()
                queue.extend((hint, source, state) for hint in hints)

        last: Ran | str | None = None
        last_command = ""
        for command in situation.setup:
            last_command = command.format(id="", home=asmo_home, file=self.files)
            last = run(last_command, None)
            assert last.returncode == 0, (last_command, last.stdout, last.stderr)
            explored.assessment = last.stdout + last.stderr
        if situation.terminal is not None:
            last_command = f"python3 dev.py run (in a terminal: {situation.terminal})"
            last, status = _terminal_session(self.project.clone, env, situation.terminal)
            explored.printed[last_command] = explored.assessment = last
            assert status in (0, 130), (status, last)
        if name == "geen-metingen":  # the set-up printed hints in an empty home too
            queue_hints(self.project.setup, "python3 dev.py run (the set-up)")
        if last is not None:
            queue_hints(last, last_command)
        base = save_state()
        records = sorted((asmo_home / "assessments").glob("*.yaml"))
        newest = records[-1].stem if records else "GEEN-METING"
        files = dict(self.files)
        if situation.feedback:
            files["feedback"] = folder / "antwoord.json"
            files["feedback"].write_text(json.dumps(_feedback_answers(records[-1])), "utf-8")
        for probe in situation.probes:
            command = probe.format(id=newest, home=asmo_home, file=files)
            queue_hints(run(command, base), command)
        for probe in situation.terminal_probes:
            command = probe.format(id=newest, home=asmo_home, file=files)
            restore(base)
            shown = _in_terminal(self.project.clone, env, command)
            explored.printed[f"{command} (in a terminal)"] = shown
            queue_hints(shown, f"{command} (in a terminal)")

        seen: dict[str, HintRun] = {}
        while queue and len(explored.runs) < self.MAX_RUNS:
            hint, source, state = queue.pop(0)
            if hint.printed in seen:
                if source not in (seen[hint.printed].source, *seen[hint.printed].also_from):
                    seen[hint.printed].also_from.append(source)
                continue
            ran = run(hint.printed, state)
            seen[hint.printed] = HintRun(hint, source, ran)
            explored.runs.append(seen[hint.printed])
            queue_hints(ran, hint.printed)
            if hint.split and hint.command not in seen:  # the command itself, joined again
                joined = run(hint.command, state)
                seen[hint.command] = HintRun(Hint(hint.command, hint.command), source, joined)
                explored.runs.append(seen[hint.command])
                queue_hints(joined, hint.command)
        explored.unexplored = len({hint.printed for hint, _, _ in queue} - set(seen))
        return explored


@pytest.fixture(scope="module")
def world(project: Project) -> World:
    return World(project)


def _report(explored: Explored) -> str:
    lines = []
    for run in explored.runs:
        verdict = "; ".join(run.ran.problems()) or "ok"
        lines.append(
            f"{run.hint.printed!r}: exit {run.ran.returncode}, {verdict}"
            f" | {run.ran.last_line()[:160]}"
        )
        lines.extend(f"    printed by {source!r}" for source in [run.source, *run.also_from])
    return "\n".join(lines)


# --- the tests -------------------------------------------------------------------------------


@posix_shell
@needs_bash
def test_the_readme_set_up_works_without_a_terminal(project: Project) -> None:
    """``python3 dev.py run`` installs, then says (in Dutch) how to go on without a terminal."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 dev.py run " in readme and "`python3 dev.py asmo ...`" in readme
    assert project.setup.returncode == 1, project.setup.stdout + project.setup.stderr
    assert f"{PROG} assess --answers" in project.setup.stderr


@posix_shell
@needs_bash
@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_every_hint_works_as_printed_in_a_plain_shell(world: World, situation: str) -> None:
    explored = world.explore(situation)
    print(f"\n[{situation}]\n{_report(explored)}")
    if situation != "andere-naam":  # there the only hints are 'plan' and 'history'
        assert explored.runs, explored.printed
    failing = [run for run in explored.runs if run.ran.problems()]
    assert not failing, "hints that do not work as printed:\n" + _report(
        Explored(explored.printed, failing)
    )


@posix_shell
@needs_bash
def test_a_first_assessment_does_not_suggest_previous(world: World) -> None:
    output = world.explore("eerste-meting").assessment
    assert f"{PROG} plan" in output
    assert "--previous" not in output, output


@posix_shell
@needs_bash
def test_another_persons_assessment_does_not_suggest_previous(world: World) -> None:
    output = world.explore("andere-naam").assessment
    assert f"{PROG} plan" in output
    assert "--previous" not in output, output


@posix_shell
@needs_bash
@pytest.mark.parametrize("situation", ["tweede-meting", "zonder-naam"])
def test_a_second_assessment_of_the_same_person_suggests_previous_and_it_works(
    world: World, situation: str
) -> None:
    explored = world.explore(situation)
    output = explored.assessment
    assert f"{PROG} report --previous" in output, output
    run = explored.run_of(f"{PROG} report --previous")
    assert run.ran.returncode == 0, run.ran.stdout + run.ran.stderr
    assert "Je rapport:" in run.ran.stdout


@posix_shell
@needs_bash
def test_an_interrupted_assessment_says_how_to_go_on(world: World) -> None:
    output = world.explore("onderbroken").assessment
    assert "Al je antwoorden zijn bewaard" in output
    assert f"{PROG} assess" in [h.command for h in extract_hints(output, plain_too=False)]


@posix_shell
@needs_bash
def test_feedback_add_names_the_report_command(world: World) -> None:
    explored = world.explore("feedback")
    output = next(v for k, v in explored.printed.items() if k.endswith("antwoord.json"))
    assert "bewaard bij meting" in output, output
    assert any(r.hint.command.startswith(f"{PROG} report ") for r in explored.runs), output


@posix_shell
@needs_bash
def test_the_hours_question_names_the_command_for_later(world: World) -> None:
    output = world.explore("urenvraag").assessment
    commands = [h.command for h in extract_hints(output, plain_too=False)]
    assert f"{PROG} hours" in commands
    assert f"{PROG} plan" in commands
