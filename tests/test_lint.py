"""The code stays lint-clean (ruff, configured in pyproject.toml) and typed (mypy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=ROOT)


def test_ruff_finds_nothing():
    pytest.importorskip("ruff")
    out = _run("ruff", "check", "src", "tests", "benchmarks")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_no_errors():
    pytest.importorskip("mypy")
    out = _run("mypy", "--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "src" / "quotebank"))
    assert out.returncode == 0, out.stdout + out.stderr
