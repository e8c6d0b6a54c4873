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
