"""The semantic re-ranker's backends by name: the setting, each backend's own fitted constants,
and the static backend's package missing or incomplete. No model and no wordllama needed (the
one test that reads the real table is skipped without it)."""

from __future__ import annotations

import socket
import sys
import types
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.composition import matcher_settings
from bot.config import ConfigError, Settings, load_settings
from bot.core.errors import SemanticUnavailable
from bot.core.matcher import Matcher, MatcherSettings
from bot.core.matcher_settings import SEMANTIC_FITS
from bot.core.models import Fact
from bot.core.semantic_backends import BACKENDS, with_semantic
from bot.core.static_embedder import MISSING, TOKENIZER, UNREADABLE, WEIGHTS, StaticEmbedder
from tests.unit.test_semantic import FACTS, QUESTION, FakeEmbedder


@pytest.mark.parametrize(
    ("written", "read"),
    [("off", "off"), ("false", "off"), ("true", "e5"), ("e5", "e5"), ("static", "static")],
)
def test_the_setting_names_a_backend(tmp_path: Path, written: str, read: str) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text(f"matcher:\n  semantic: {written}\n", encoding="utf-8")
    assert load_settings(config).matcher.semantic == read


@pytest.mark.parametrize("written", ["sometimes", "E5", "1", "[static]"])
def test_another_value_is_one_clear_error(tmp_path: Path, written: str) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text(f"matcher:\n  semantic: {written}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config)
    message = str(caught.value)
    assert "matcher.semantic" in message and "off, e5 or static" in message
    assert "\n" not in message


def test_each_backend_brings_its_own_fitted_constants() -> None:
    assert set(SEMANTIC_FITS) == set(BACKENDS)
    for backend in BACKENDS:
        settings = with_semantic(MatcherSettings(answer_threshold=0.8), backend, FakeEmbedder())
        blend, calibration = SEMANTIC_FITS[backend]
        assert settings.semantic is not None
        assert (settings.semantic_blend, settings.semantic_calibration) == (blend, calibration)
        assert settings.answer_threshold == 0.8  # the rest of the settings kept


def test_a_backend_reranks_through_the_same_seam() -> None:
    settings = with_semantic(MatcherSettings(), "static", FakeEmbedder())
    settings = MatcherSettings(
        semantic=settings.semantic, semantic_blend=1.0, semantic_calibration=(0.0, 1.0, 0.0, 0.0)
    )
    best = Matcher(FACTS, settings=settings).ask(QUESTION).best
    assert best is not None and best.fact.id == "reporter-detained"


def test_static_without_its_package_is_one_clear_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "wordllama", None)  # "import wordllama" raises
    with pytest.raises(SemanticUnavailable) as caught:
        StaticEmbedder()
    message = str(caught.value)
    assert "\n" not in message and "static" in message and "pip install" in message
    with pytest.raises(SemanticUnavailable, match="static"):
        matcher_settings(Settings.model_validate({"matcher": {"semantic": "static"}}))


def test_a_package_without_its_table_is_the_same_error_not_a_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wordllama whose folder lacks the shipped files (another version's layout) is refused
    before anything would fall back to fetching them."""
    package = tmp_path / "wordllama"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    fake = types.ModuleType("wordllama")
    fake.__file__ = str(package / "__init__.py")
    monkeypatch.setitem(sys.modules, "wordllama", fake)
    with pytest.raises(SemanticUnavailable, match="static"):
        StaticEmbedder()


def test_a_damaged_table_is_one_clear_sentence_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped files are there but cannot be read (a truncated download, a disk error):
    whatever the reader raises becomes the one-sentence start error."""
    package = tmp_path / "wordllama"
    for shipped in (WEIGHTS, TOKENIZER):
        (package / shipped).parent.mkdir(parents=True, exist_ok=True)
        (package / shipped).write_bytes(b"\x00truncated")
    fake = types.ModuleType("wordllama")
    fake.__file__ = str(package / "__init__.py")

    def unreadable(path: str) -> object:
        raise OSError(f"header too short: {path}")

    safetensors_numpy = types.ModuleType("safetensors.numpy")
    safetensors_numpy.load_file = unreadable  # type: ignore[attr-defined]
    tokenizers = types.ModuleType("tokenizers")
    tokenizers.Tokenizer = object  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wordllama", fake)
    monkeypatch.setitem(sys.modules, "safetensors", types.ModuleType("safetensors"))
    monkeypatch.setitem(sys.modules, "safetensors.numpy", safetensors_numpy)
    monkeypatch.setitem(sys.modules, "tokenizers", tokenizers)
    with pytest.raises(SemanticUnavailable) as caught:
        StaticEmbedder()
    assert str(caught.value) == UNREADABLE and "\n" not in UNREADABLE


def test_cli_start_with_static_missing_says_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "wordllama", None)
    (tmp_path / "knowledge").mkdir()
    config = tmp_path / "bot.yaml"
    config.write_text("knowledge_dir: knowledge\nmatcher:\n  semantic: static\n", encoding="utf-8")
    code = cli_main(["kb", "stats", "--config", str(config), "--db", str(tmp_path / "x.db")])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [f"error: {MISSING}"]
    assert not (tmp_path / "x.db").exists()


def test_the_real_table_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only where the static extra is installed: the table loads and encodes with every
    connection refused, and a paraphrase is closer than another topic."""
    pytest.importorskip("wordllama")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the static backend tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    embedder = StaticEmbedder()
    fact = Fact("x", "The harbour bridge was closed to traffic after the storm.")
    close, far, empty = embedder.encode(
        ["why is the bridge shut", "who won the chess final", ""], query=True
    )
    (answer,) = embedder.encode([fact.answer], query=False)

    def dot(one: tuple[float, ...], other: tuple[float, ...]) -> float:
        return sum(a * b for a, b in zip(one, other, strict=True))

    assert dot(close, answer) > dot(far, answer)
    assert abs(dot(answer, answer) - 1.0) < 1e-5
    assert not any(empty)
