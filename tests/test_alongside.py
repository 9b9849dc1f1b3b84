"""A file made alongside: in a forked child where possible, here otherwise, the same outcome."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asmo_cli.api.alongside import Alongside
from asmo_cli.cli.app import app
from asmo_cli.core.errors import SaveError

linux_only = pytest.mark.skipif(
    sys.platform != "linux", reason="fork wordt alleen op Linux gebruikt"
)


def _maker(fail_in_child: bool = False) -> tuple[int, Callable[[], bytes]]:
    parent = os.getpid()

    def work() -> bytes:
        if fail_in_child and os.getpid() != parent:
            raise SaveError("kapot in het kind")
        return str(os.getpid()).encode() * 50_000  # larger than a pipe's buffer

    return parent, work


@linux_only
def test_work_is_done_in_a_child_process_and_its_bytes_come_back(tmp_path: Path) -> None:
    """The child renders; its bytes reach the parent whole, and the child writes no file."""
    parent, work = _maker()
    before = set(tmp_path.iterdir())
    job = Alongside(work)
    assert job.forked
    made = job.finish()
    assert len(made) > 65_536
    assert not made.startswith(str(parent).encode())
    assert set(tmp_path.iterdir()) == before


@linux_only
def test_a_failed_child_is_done_again_here() -> None:
    parent, work = _maker(fail_in_child=True)
    job = Alongside(work)
    assert job.forked
    assert job.finish() == str(parent).encode() * 50_000


def test_without_fork_the_work_is_done_here_and_its_error_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASMO_NO_FORK", "1")

    def work() -> bytes:
        raise SaveError("schijf vol")

    job = Alongside(work)
    assert not job.forked
    with pytest.raises(SaveError, match="schijf vol"):
        job.finish()


@linux_only
def test_report_pdf_is_identical_with_and_without_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, answers_file: Path
) -> None:
    assert runner.invoke(app, ["assess", "--answers", str(answers_file)]).exit_code == 0
    forked: list[bool] = []
    real_finish = Alongside.finish

    def spy(self: Alongside) -> bytes:
        forked.append(self.forked)
        return real_finish(self)

    monkeypatch.setattr(Alongside, "finish", spy)
    made = {}
    for no_fork in ("1", "0"):
        monkeypatch.setenv("ASMO_NO_FORK", no_fork)
        out = tmp_path / f"no-fork-{no_fork}"
        result = runner.invoke(app, ["report", "--out", str(out)])
        assert result.exit_code == 0, result.output
        made[no_fork] = (out / "rapport.pdf").read_bytes()
        assert (out / "rapport.pdf").stat().st_mode & 0o777 == 0o600
    assert forked == [False, True]
    assert made["0"] == made["1"]
    assert made["0"].startswith(b"%PDF")
