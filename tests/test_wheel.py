"""A non-editable install (the wheel) carries the catalogue and runs ``asmo roles``."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from .conftest import REPO
from .platforms import venv_script


def test_wheel_installs_and_finds_its_data(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
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
            str(wheels),
            str(REPO),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("asmo_cli-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("tasks.yaml", "roles.yaml", "competencies.yaml"):
        assert f"asmo_cli/data/{name}" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv_script(venv, "python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Reuse this environment's packages (typer, rich, ...) behind the fresh venv's own:
    # a plain path line, so this environment's editable asmo_cli is not picked up.
    Path(site, "_reuse_parent.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
    )
    where = subprocess.run(
        [str(python), "-c", "import asmo_cli.storage.paths as p; print(p.default_data_dir())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), where
    asmo = venv_script(venv, "asmo")
    result = subprocess.run([str(asmo), "roles"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Procesbewaker" in result.stdout
    for args in (["roles", "coach"], ["roles", "--competencies"], ["validate"]):
        done = subprocess.run([str(asmo), *args], capture_output=True, text=True)
        assert done.returncode == 0, (args, done.stderr)
