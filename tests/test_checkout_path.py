"""newslab and its tests do not depend on the folder the project is checked out in.

`git clone … newslab` makes a folder called ``newslab`` that holds the ``newslab`` package, so
``…/newslab/newslab/corpus/work.py``: code that cuts paths at ``/newslab/`` breaks there. These
tests copy the project into such a folder, and into one whose name has spaces and non-ASCII
letters, and run the path-sensitive tests there, against the copy's own package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslab.corpus.work import _where

ROOT = Path(__file__).resolve().parents[1]
#: The tests that read file locations: failure reasons name where an error was raised, the CLI
#: and the loader name files.
PATH_SENSITIVE = [
    "tests/test_corpus.py::test_a_table_that_raises_loses_only_that_table_of_that_document",
    "tests/test_cli.py",
    "tests/test_load.py",
]


def _copy_project(dest: Path) -> Path:
    """A copy of the package, tests and data at ``dest`` (no .venv, results or caches)."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for part in ("newslab", "tests", "data"):
        shutil.copytree(ROOT / part, dest / part, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.mark.slow  # ~20 s: a second interpreter loads spaCy and runs a few tests
@pytest.mark.parametrize("folder", ["newslab", "my clone (ü)"])
def test_the_path_sensitive_tests_pass_in_a_checkout_of_any_name(tmp_path, folder):
    copy = _copy_project(tmp_path / folder)
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    probe = subprocess.run([sys.executable, "-c", "import newslab; print(newslab.__file__)"],
                           cwd=copy, env=env, capture_output=True, text=True, check=True)
    assert Path(probe.stdout.strip()).is_relative_to(copy)  # the copy is what runs
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          *PATH_SENSITIVE], cwd=copy, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_a_failure_location_inside_the_package_is_named_from_the_package_folder():
    try:
        from newslab.parse import parse_text

        parse_text(None)  # type: ignore[arg-type]
    except Exception as err:  # noqa: BLE001 - any error raised inside the package will do
        where = _where(err)
    assert where.startswith(" [at newslab/") and ".py:" in where


def test_a_failure_location_outside_the_package_is_its_file_name(tmp_path):
    folder = tmp_path / "newslab" / "newslab"  # a path that fooled the old `/newslab/` cut
    folder.mkdir(parents=True)
    script = folder / "user_code.py"
    script.write_text("def boom():\n    raise RuntimeError('x')\n")
    namespace: dict = {}
    exec(compile(script.read_text(), str(script), "exec"), namespace)
    with pytest.raises(RuntimeError) as info:
        namespace["boom"]()
    assert _where(info.value) == " [at user_code.py:2 in boom]"
