"""The README's install section, followed as written by a new user on this machine.

A copy of the project (its files, uncommitted work included) and an empty home folder: the
macOS/Linux commands of "Installeren" are typed in one terminal, then in a new one, and then,
in yet another new terminal, every command of the README's table works as written (no
"command not found"), a real assessment and report among them; removing asmo again works as
the README says.

SLOW: pip installs pipx and pipx installs asmo with what it needs (about 20 s here, more
without pip's cache). It needs bash and a python3 with pip that may install for the user.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = [
    pytest.mark.skipif(
        shutil.which("bash") is None, reason="types the commands in bash, as in a terminal"
    ),
    pytest.mark.skipif(
        sys.platform == "win32",
        reason="the Windows steps (py, PowerShell, PATH in the registry) are not bash's",
    ),
]


def install_section() -> str:
    return README.split("## Installeren", 1)[1].split("### Voor ontwikkelaars", 1)[0]


def sh_blocks(text: str) -> list[list[str]]:
    """The command lines of each ```sh block, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    return [[line for line in b.splitlines() if line.strip()] for b in blocks]


def table_commands() -> list[str]:
    """The commands of the README's command table, as written (`asmo report [METING]`)."""
    table = README.split("## Commando's", 1)[1].split("\n\n", 2)[1]
    cells = re.findall(r"^\| `([^`]+)`", table, flags=re.MULTILINE)
    commands: list[str] = []
    for cell in cells:
        for part in cell.split(" / "):  # `asmo feedback invite` / `add`
            words = part.split() if part.startswith("asmo") else [*commands[-1].split()[:2], part]
            commands.append(" ".join(words))
    return commands


def runnable(command: str) -> list[str]:
    """The words she types before any placeholder (METING, PAD..., [ROL])."""
    words = []
    for word in command.split():
        if word.startswith("[") or word.isupper() or word.endswith("..."):
            break
        words.append(word)
    return words


@dataclass(frozen=True)
class Ran:
    command: str
    returncode: int
    output: str


class Terminal:
    """A new terminal window each time: an interactive bash that reads her ~/.bashrc."""

    def __init__(self, home: Path) -> None:
        self.home = home
        python = shutil.which("python3")
        assert python is not None
        # the system's own folders and python3, nothing of this test run's environment
        folders = [str(Path(python).parent), "/usr/local/bin", "/usr/bin", "/bin"]
        keep = {k: v for k, v in os.environ.items() if k.startswith("PIP_") or k == "LANG"}
        self.env = {**keep, "HOME": str(home), "PATH": os.pathsep.join(folders), "TERM": "dumb"}

    def type(self, command: str, cwd: Path) -> Ran:
        done = subprocess.run(
            ["bash", "-i", "-c", command],
            cwd=cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        return Ran(command, done.returncode, done.stdout + done.stderr)


def copy_project(target: Path) -> None:
    """The project's files as a clone would have them, with uncommitted work."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def test_the_readme_install_section_makes_every_table_command_work(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs a git checkout to know which files belong to the project")
    project = tmp_path / "asmo"
    project.mkdir()
    copy_project(project)
    home = tmp_path / "home"
    home.mkdir()
    terminal = Terminal(home)

    setup, install = sh_blocks(install_section())
    assert any("pipx ensurepath" in line for line in setup), setup
    for line in setup:
        ran = terminal.type(line, home)
        assert ran.returncode == 0, ran

    # "Sluit de terminal en open een nieuwe ... Ga naar de map met asmo en installeer het"
    assert install[0].startswith("cd "), install
    for line in install[1:]:
        ran = terminal.type(line, project)
        assert ran.returncode == 0, ran

    # "Open nog eens een nieuwe terminal": every command of the table, from any folder
    commands = table_commands()
    assert len(commands) >= 10 and "asmo assess" in commands, commands
    for command in commands:
        words = runnable(command)
        ran = terminal.type(" ".join([*words, "--help"]), home)
        assert ran.returncode == 0, ran
        assert "command not found" not in ran.output and "Gebruik" in ran.output, ran
    answers = project / "docs" / "voorbeeld-antwoorden.yaml"
    for command in (f"asmo assess --answers {answers}", "asmo report", "asmo roles"):
        ran = terminal.type(command, home)
        assert ran.returncode == 0, ran
        assert "Traceback" not in ran.output, ran
    assert (home / "Documents" / "asmo").is_dir() or any(home.rglob("rapport.pdf"))

    # "Verwijderen: python3 -m pipx uninstall asmo"; her records stay where they were
    removal = re.search(r"\*\*Verwijderen\*\*: `([^`]+)`", install_section())
    assert removal is not None
    ran = terminal.type(removal.group(1), home)
    assert ran.returncode == 0, ran
    assert terminal.type("asmo --version", home).returncode == 127
    assert list((home / ".local" / "share" / "asmo" / "assessments").glob("*.yaml"))
