"""Which modules a package's modules reach through their imports, read from their source."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import import_reach


def _package(directory: Path, modules: dict[str, str]) -> Path:
    for name, source in modules.items():
        (directory / f"{name}.py").write_text(source, encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    "statement",
    [
        "from desk.core import weather\n",
        "from desk.core.weather import forecast\n",
        "import desk.core.weather\n",
        "import desk.core.weather as weather_module\n",
        "from desk.core import weather as sky\n",
        "from desk.core import (\n    clock,  # the hours (and minutes)\n    weather,\n)\n",
        "from desk.core import clock, \\\n    weather\n",
        "def later() -> None:\n    from desk.core import weather\n",
    ],
)
def test_every_way_of_importing_a_module_reaches_it(tmp_path: Path, statement: str) -> None:
    """However the import is written (a list in parentheses with a comment, an alias, a line
    continued, inside a function), the imported module is reached."""
    directory = _package(
        tmp_path, {"desk": statement, "weather": "RAIN = 1\n", "clock": "HOURS = 24\n"}
    )
    assert "weather" in import_reach.reached(directory, "desk.core", ["desk"])


def test_modules_are_reached_through_each_other_and_only_the_package_s(tmp_path: Path) -> None:
    """What the roots import, what that imports in turn, in name order; names that are no
    module of the package (a function, another package's module, an alias, a module nothing
    imports) are not."""
    directory = _package(
        tmp_path,
        {
            "desk": (
                "import os\n"
                "from desk.core import weather as sky, forecast_text\n"
                "from desk.other import clock\n"
                "from desk.coreutils import almanac\n"
                "# from desk.core import tides\n"
            ),
            "weather": "from desk.core.units import CELSIUS\n",
            "units": "CELSIUS = 'C'\n",
            "clock": "HOURS = 24\n",
            "almanac": "MOON = 1\n",
            "tides": "HIGH = 2\n",
            "sky": "BLUE = 3\n",
        },
    )
    assert import_reach.reached(directory, "desk.core", ["desk"]) == ("desk", "units", "weather")


def test_modules_that_import_each_other_are_each_reached_once(tmp_path: Path) -> None:
    """A cycle of imports ends: each module is reached once."""
    directory = _package(
        tmp_path,
        {"first": "from desk.core import second\n", "second": "from desk.core import first\n"},
    )
    assert import_reach.reached(directory, "desk.core", ["first", "second"]) == ("first", "second")
