"""pyproject.toml and requirements.txt name the same pinned packages, and the stages keep their layers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)$")


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = PIN.match(line.split("#")[0].strip())
        if match:
            found[match[1].lower()] = match[2]
    return found


def test_requirements_pin_exactly_what_pyproject_declares():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = pins(project["dependencies"] + project["optional-dependencies"]["test"])
    required = pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())
    assert declared == required


def test_the_console_script_is_the_cli():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["polqa"] == "indexer.cli:main"


def test_import_contracts_hold():
    """The layers in pyproject.toml: records → messages/errors → ingest → encode → store → search → answer →
    present → build/manage → cli; the engine never imports the app, eval or bench."""
    exe = ROOT / ".venv" / "bin" / "lint-imports"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        [*command, str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
