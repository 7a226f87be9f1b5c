"""The distributions: what `python -m build` makes is what PyPI users and packagers get.

The wheel and the sdist carry the licence; the sdist carries what its tests need, and
they pass from it, installed in a fresh virtual environment. Building and installing
need the package index (setuptools, and the dependencies of the fresh environment):
those tests are marked ``network``, and ``pytest -m "not network"`` leaves them out.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import quotebank
from support import ROOT

#: Set inside the fresh environment, so that its run of these tests does not build and
#: install a distribution of its own again.
INSIDE = "QUOTEBANK_SDIST_CHECK"
#: The tests the sdist's fresh environment runs: every file only the sdist carries is
#: read by one of them (conftest.py, support.py, the regression fixtures, seeds/, docs/,
#: mkdocs.yml, pyproject.toml's tool settings). `QUOTEBANK_SDIST_FULL=1` runs them all.
SDIST_TESTS = ["tests/test_seeds.py", "tests/test_docs.py", "tests/test_cli.py", "tests/test_lint.py",
               "tests/test_evaluate.py"]

pytestmark = pytest.mark.skipif(bool(os.environ.get(INSIDE)), reason="inside the sdist check already")


def _run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    """The sdist and the wheel, built from this tree as a release would build them."""
    pytest.importorskip("build")
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not a source tree")
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    [sdist] = out.glob("*.tar.gz")
    [wheel] = out.glob("*.whl")
    return sdist, wheel


def test_version_is_written_once():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r'^version\s*=\s*"', pyproject, re.M), "pyproject.toml writes the version again"
    assert re.search(r'^dynamic = \["version"\]', pyproject, re.M)
    assert re.search(r'^version = \{ attr = "quotebank.__version__" \}', pyproject, re.M)
    assert importlib.metadata.version("quotebank") == quotebank.__version__


def test_classifiers_are_ones_the_package_index_accepts():
    """An unknown classifier makes the upload fail; twine check does not look."""
    known = pytest.importorskip("trove_classifiers").classifiers
    mine = importlib.metadata.metadata("quotebank").get_all("Classifier") or []
    assert mine and [c for c in mine if c not in known] == []


@pytest.mark.network
def test_twine_accepts_both_distributions(dists):
    pytest.importorskip("twine")
    out = _run(sys.executable, "-m", "twine", "check", "--strict", *dists)
    assert out.stdout.count("PASSED") == 2, out.stdout


@pytest.mark.network
def test_both_distributions_carry_the_licence(dists):
    sdist, wheel = dists
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence
    with tarfile.open(sdist) as tar:
        [member] = [m for m in tar.getmembers() if m.name.endswith("/LICENSE")]
        assert tar.extractfile(member).read().decode("utf-8") == licence
    with zipfile.ZipFile(wheel) as whl:
        [name] = [n for n in whl.namelist() if n.endswith("licenses/LICENSE")]
        assert whl.read(name).decode("utf-8") == licence
        metadata = whl.read(next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))).decode("utf-8")
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert f"Version: {quotebank.__version__}" in metadata
    for label in ("Documentation", "Source", "Issues", "Changelog"):
        assert f"Project-URL: {label}, https://" in metadata, label


@pytest.mark.network
def test_wheel_is_the_package_only(dists):
    _, wheel = dists
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
    assert "quotebank/py.typed" in names and "quotebank/lexicons/cues.py" in names
    assert "quotebank/data/confidence.json" in names  # the confidence model
    assert not [n for n in names if n.split("/")[0] in {"tests", "docs", "seeds", "benchmarks"}]


def _tracked_files(folder: str) -> set[str]:
    ignored = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"}
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and not ignored & set(p.relative_to(ROOT).parts) and p.suffix != ".pyc"
    }


@pytest.mark.network
def test_sdist_carries_what_its_tests_and_docs_need(dists):
    sdist, _ = dists
    with tarfile.open(sdist) as tar:
        prefix = tar.getnames()[0].split("/")[0] + "/"
        names = {n.removeprefix(prefix) for n in tar.getnames()}
    for folder in ("tests", "seeds", "docs", "benchmarks", "src"):
        missing = _tracked_files(folder) - names
        assert not missing, f"the sdist lacks {sorted(missing)[:5]}"
    # The workflows and the script they run, which test_package.py reads (issue 20:
    # `pytest` in an unpacked sdist failed without them).
    for name in ("LICENSE", "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "mkdocs.yml", "pyproject.toml",
                 ".github/workflows/ci.yml", ".github/workflows/release.yml", ".ci/run"):
        assert name in names


@pytest.mark.network
def test_sdist_tests_pass_in_a_fresh_environment(dists, tmp_path):
    """Unpack the sdist, install it with its test extra in a new virtual environment
    (dependencies from the package index) and run its tests there, from the unpacked tree."""
    sdist, _ = dists
    with tarfile.open(sdist) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.12, and 3.10.12 / 3.11.4 on
            tar.extractall(tmp_path, filter="data")
        else:  # pragma: no cover
            tar.extractall(tmp_path)
    [tree] = [p for p in tmp_path.iterdir() if p.is_dir()]
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    environ = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{sdist}[test]", env=environ)
    where = _run(python, "-c", "import quotebank; print(quotebank.__file__)", cwd=tmp_path, env=environ).stdout
    assert str(env_dir) in where, "the fresh environment imported another quotebank"
    tests = [] if os.environ.get("QUOTEBANK_SDIST_FULL") else SDIST_TESTS
    out = _run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests, cwd=tree,
               env={**environ, INSIDE: "1"})
    assert " passed" in out.stdout and " failed" not in out.stdout, out.stdout[-2000:]
    shutil.rmtree(env_dir, ignore_errors=True)


# The public repository's workflows -----------------------------------------------------------------------------


def _workflow(name: str) -> dict:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _steps(job: dict) -> list[str]:
    return [str(step.get("run", step.get("uses", ""))) for step in job["steps"]]


def test_ci_workflow_runs_ci_run_on_every_supported_python():
    ci = _workflow("ci.yml")
    [job] = ci["jobs"].values()
    meta = importlib.metadata.metadata("quotebank")
    supported = sorted(c.rsplit(" :: ", 1)[1] for c in meta.get_all("Classifier") or []
                       if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert job["strategy"]["matrix"]["python"] == supported
    assert meta["Requires-Python"] == f">={supported[0]}"
    assert "bash .ci/run" in _steps(job), ".ci/run must stay the single source of what CI does"
    on = ci[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]


def test_release_workflow_publishes_tested_builds_with_trusted_publishing():
    release = _workflow("release.yml")
    assert release[True]["push"]["tags"] == ["v*"]
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    assert "bash .ci/run" in _steps(build)
    assert any("twine check --strict" in step for step in _steps(build))
    assert publish["needs"] == "build" and publish["permissions"] == {"id-token": "write"}
    assert any(step.startswith("pypa/gh-action-pypi-publish") for step in _steps(publish))
    assert not any("password" in str(step.get("with", {})) for step in publish["steps"]), "tokens are not used"
