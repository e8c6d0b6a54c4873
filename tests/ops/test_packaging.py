"""What `pip install .` brings in, whatever pip version does the installing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_html_cleaner_is_a_direct_dependency() -> None:
    """HTML ingest works after `pip install .` with Python 3.11's own pip (23.2) too."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {
        re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0] for d in project["project"]["dependencies"]
    }
    # pip 23.2 does not install justext's lxml[html_clean] extra, so it must be named itself.
    assert "lxml_html_clean" in names
    import lxml.html.clean  # noqa: F401  (fails in an install that lacks it)


def test_every_table_and_licence_beside_the_code_is_installed() -> None:
    """A table the bot reads at run time, and a licence notice that must travel with it, are
    in the installed package: a file left out of ``package-data`` works from a checkout and is
    missing after `pip install .`."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = {
        f"{package.replace('.', '/')}/{name}"
        for package, names in project["tool"]["setuptools"]["package-data"].items()
        for name in names
    }
    beside = {
        path.relative_to(REPO_ROOT).as_posix()
        for path in (REPO_ROOT / "bot").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert beside <= listed, sorted(beside - listed)
    assert all((REPO_ROOT / name).is_file() for name in listed), sorted(listed)
