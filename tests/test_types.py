"""The package ships py.typed: its annotations must hold."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


def test_mypy_finds_no_errors():
    pytest.importorskip("mypy")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "src" / "quotebank")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
