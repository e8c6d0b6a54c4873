"""Bad input through the service: hostile questions, drafts, knowledge files and settings.

Every hostile question gets an answer object quickly; hostile knowledge files are refused with
a located error while the knowledge in service stays exactly as it was, in bounded time and
memory; a bad ``bot.yaml`` stops the CLI with one line naming the key and exit code 2. The
hypothesis properties extend the ones in tests/unit with hostile alphabets and structured
documents: no input makes the matcher, the draft validation, the loader or the settings loader
raise anything but the project's own validation errors.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.composition import open_knowledge_base_at
from bot.config import ConfigError, load_settings
from bot.core.actors import Actor
from bot.core.errors import InvalidInput
from bot.core.folding import words
from bot.core.knowledge_errors import KnowledgeError, LocatedError
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.models import Decision, Fact
from bot.core.service import MAX_ASK_CHARS, FactInput, KnowledgeBase, validate_fact_input
from bot.core.text import Analyzer
from tests.cpu_time import cpu_seconds

REPO_ROOT = Path(__file__).resolve().parents[2]
BAD_QUESTIONS: dict[str, str] = json.loads(
    (REPO_ROOT / "tests" / "data" / "bad_questions.json").read_text(encoding="utf-8")
)
MODERATOR = Actor.discord_user(1, 10, is_moderator=True, name="mod")
# In CPU seconds of the bot's work (tests/cpu_time.py): as wall-clock bounds, these failed on a
# busy 2-core machine while the slowest hostile question took 0.13 s of CPU.
ASK_SECONDS = 1.0
LOAD_SECONDS = 5.0
LOAD_PEAK_BYTES = 64 * 1024 * 1024


@pytest.fixture
def knowledge_dir(tmp_path: Path, seed_knowledge_dir: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(seed_knowledge_dir, directory)
    return directory


@pytest.fixture
async def kb(tmp_path: Path, knowledge_dir: Path) -> AsyncIterator[KnowledgeBase]:
    base = await open_knowledge_base_at(tmp_path / "kb.db", knowledge_dir)
    try:
        yield base
    finally:
        await base.close()


@pytest.fixture
async def any_kb(backend: Any, knowledge_dir: Path) -> AsyncIterator[KnowledgeBase]:
    """The knowledge base on each backend (SQLite, PostgreSQL), for what reaches the store."""
    base = await open_knowledge_base_at(backend.database, knowledge_dir)
    try:
        yield base
    finally:
        await base.close()


# ------------------------------------------------------------------- hostile questions
@pytest.mark.parametrize("name", sorted(BAD_QUESTIONS))
async def test_hostile_question_gets_a_quick_sensible_answer(kb: KnowledgeBase, name: str) -> None:
    """Each hostile question returns a decision within the time limit and leaves the DB sane."""
    question = BAD_QUESTIONS[name]
    started = cpu_seconds()
    result = await kb.ask(question, guild_id=10)
    assert cpu_seconds() - started < ASK_SECONDS
    assert isinstance(result.decision, Decision)
    assert all(0.0 <= m.score <= 1.0 for m in result.matches)
    if not words(question):
        assert result.decision is Decision.UNKNOWN
    if result.decision is not Decision.UNKNOWN:
        assert result.best is not None
    # Still healthy afterwards: the tables are intact and the known question still answers.
    assert await kb.store.integrity_check() == "ok"
    assert len(await kb.store.all_facts()) == len(kb.matcher)
    check = await kb.ask("why was the ambassador recalled", record=False)
    assert check.best is not None and check.best.fact.id == "ambassador-recalled"


async def test_hostile_questions_are_recorded_verbatim_and_harmlessly(
    any_kb: KnowledgeBase, backend: Any
) -> None:
    """SQL fragments are stored as text (parameters, not SQL); long ones are clipped; on
    PostgreSQL, whose text cannot hold NUL, a NUL is kept as U+FFFD and the batch is saved."""
    kb = any_kb
    for question in BAD_QUESTIONS.values():
        await kb.ask(question, guild_id=10)
    stats = await kb.stats(guild_id=10)
    assert stats.questions_asked == sum(1 for q in BAD_QUESTIONS.values() if words(q))
    unanswered = [q for q, _ in stats.top_unanswered]
    assert all(len(q) <= 500 for q in unanswered)
    assert await kb.store.integrity_check() == "ok"
    assert {"facts", "asks", "audit", "feedback"} <= await backend.tables()
    asked = {row[0] for row in await backend.query("SELECT question FROM asks")}
    nul = BAD_QUESTIONS["nul-and-controls"].strip()
    assert (nul.replace("\x00", "\ufffd") if backend.is_postgres else nul) in asked
    assert "'; DROP TABLE facts;--" in asked


@pytest.mark.parametrize("name", ["sql-drop-table", "everyone", "code-fence", "nul-and-controls"])
async def test_hostile_fact_text_round_trips_unchanged(
    any_kb: KnowledgeBase, backend: Any, name: str
) -> None:
    """A member's fact made of hostile text is stored and read back as plain text (on
    PostgreSQL with NUL, which its text cannot hold, as U+FFFD)."""
    kb = any_kb
    text = f"Fact about the envoy: {BAD_QUESTIONS[name]} (noted by the desk)."
    member = Actor.discord_user(2, 10, is_moderator=False, name="m")
    fact = await kb.add_fact(FactInput(text, questions=(BAD_QUESTIONS[name] or "x",)), member)
    stored = await kb.get_fact(fact.id, guild_id=10)
    expected = " ".join(text.split())
    assert stored.answer == (
        expected.replace("\x00", "\ufffd") if backend.is_postgres else expected
    )
    assert "facts" in await backend.tables()


# --------------------------------------------------------------------------- properties
HOSTILE_CHARS = st.characters(
    categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"],
)
HOSTILE_TEXT = st.one_of(
    st.text(alphabet=HOSTILE_CHARS, max_size=400),
    st.lists(
        st.one_of(
            st.sampled_from(sorted(BAD_QUESTIONS.values())),
            st.sampled_from("ambassador envoy recall yekaterinburg baku посол səfir".split()),
            st.text(alphabet=HOSTILE_CHARS, max_size=20),
        ),
        max_size=6,
    ).map(" ".join),
    st.integers(0, 20_000).map(lambda n: "ambassador " * (n // 11)),
)


@pytest.fixture(scope="module")
def seed_matcher(seed_knowledge_dir: Path) -> Matcher:
    """The real index over the seed knowledge, built once for the hostile-text property."""
    seed = load_knowledge(seed_knowledge_dir)
    return Matcher(seed.facts, analyzer=Analyzer(seed.synonyms))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=HOSTILE_TEXT, guild_id=st.one_of(st.none(), st.integers(1, 3)))
def test_seed_matcher_survives_hostile_text(
    seed_matcher: Matcher, question: str, guild_id: int | None
) -> None:
    """The real index answers any hostile text (clipped as the service clips it) quickly."""
    started = cpu_seconds()
    result = seed_matcher.ask(question[:MAX_ASK_CHARS], guild_id=guild_id)
    offered = seed_matcher.complete(question[:MAX_ASK_CHARS], guild_id=guild_id, limit=25)
    assert cpu_seconds() - started < ASK_SECONDS
    assert isinstance(result.decision, Decision)
    assert all(0.0 <= m.score <= 1.0 for m in result.matches)
    assert len(offered) <= 25


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answer=HOSTILE_TEXT,
    questions=st.lists(HOSTILE_TEXT, max_size=12),
    tags=st.lists(st.text(alphabet=HOSTILE_CHARS, max_size=60), max_size=12),
    url=st.one_of(st.none(), st.text(alphabet=HOSTILE_CHARS, max_size=40), st.just("https://x")),
)
def test_fact_drafts_validate_or_raise_invalid_input(
    answer: str, questions: list[str], tags: list[str], url: str | None
) -> None:
    """Whatever a member types into /fact add is accepted tidied or refused with InvalidInput."""
    draft = FactInput(answer, tuple(questions), tuple(tags), url)
    try:
        clean = validate_fact_input(draft)
    except InvalidInput as error:
        assert str(error)
    else:
        assert words(clean.answer)
        Matcher([Fact("probe", clean.answer, clean.questions, clean.tags)])


YAML_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.dates(min_value=dt.date(1900, 1, 1)),
        st.text(alphabet=HOSTILE_CHARS, max_size=40),
        st.sampled_from(["ambassador-recalled", "x", "A B", "https://e.org", "2025-07-01"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["id", "answer", "questions", "tags", "related", "date"]),
                st.sampled_from(["source", "title", "url", "published", "facts", "groups"]),
                st.text(max_size=8),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=25,
)
FACT_LIKE = st.fixed_dictionaries(
    {"id": YAML_VALUES, "answer": YAML_VALUES},
    optional={
        "questions": YAML_VALUES,
        "tags": YAML_VALUES,
        "related": YAML_VALUES,
        "date": YAML_VALUES,
        "source": YAML_VALUES,
    },
)
KNOWLEDGE_LIKE = st.one_of(
    YAML_VALUES,
    st.fixed_dictionaries(
        {"facts": st.lists(st.one_of(FACT_LIKE, YAML_VALUES), max_size=4)},
        optional={"source": YAML_VALUES},
    ),
    st.fixed_dictionaries({"groups": YAML_VALUES}),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=KNOWLEDGE_LIKE, file_name=st.sampled_from(["a.yaml", "synonyms.yaml"]))
def test_structured_knowledge_documents_load_or_raise_knowledge_error(
    document: object, file_name: str
) -> None:
    """Well-formed YAML of any shape, close to the schema or not, loads or is refused located."""
    text = yaml.safe_dump(document, allow_unicode=True)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / file_name).write_text(text, encoding="utf-8")
        try:
            knowledge = load_knowledge(Path(tmp))
        except KnowledgeError as error:
            assert error.errors and all(isinstance(e, LocatedError) for e in error.errors)
            # Located in the file, or (a directory with no fact file) at the directory.
            places = (f"{Path(tmp).name}/{file_name}", f"{tmp}:")
            assert all(str(e).startswith(places) for e in error.errors), error.errors
        else:
            assert all(f.answer.strip() for f in knowledge.facts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=st.one_of(
        YAML_VALUES,
        st.dictionaries(
            st.sampled_from(["discord", "facts", "matcher", "logging", "database", "x"]),
            YAML_VALUES,
            max_size=4,
        ),
    ),
    raw=st.one_of(st.none(), st.binary(max_size=80)),
)
def test_any_settings_file_loads_or_raises_config_error(
    document: object, raw: bytes | None
) -> None:
    """No bot.yaml content makes load_settings raise anything but a one-line ConfigError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bot.yaml"
        if raw is None:
            path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        else:
            path.write_bytes(raw)
        try:
            load_settings(path)
        except ConfigError as error:
            message = str(error)
            assert message.startswith(str(path)) and "\n" not in message


# ---------------------------------------------------- hostile knowledge files, in service
def _bomb() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    return "\n".join([*lines, "facts:\n  - id: bomb\n    answer: hi\n    questions: *a11\n"])


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def write(directory: Path) -> None:
        path = directory / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return write


def _fifty_megabytes(directory: Path) -> None:
    fact = "  - id: big-{n}\n    answer: A fact padded to make a very large knowledge file.\n"
    chunk = "".join(fact.format(n=n) for n in range(1000)).encode()
    with (directory / "bad.yaml").open("wb") as out:
        out.write(b"facts:\n")
        while out.tell() < 50 * 1024 * 1024:
            out.write(chunk)


def _link_outside(directory: Path) -> None:
    outside = directory.parent / "outside.yaml"
    outside.write_text("facts:\n  - id: outside\n    answer: Not from here.\n", encoding="utf-8")
    (directory / "bad.yaml").symlink_to(outside)


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "syntax-error": (
        _write("bad.yaml", "facts:\n  - id: x\n    answer: [unclosed\n"),
        "knowledge/bad.yaml:4: YAML syntax error",
    ),
    "wrong-type": (
        _write("bad.yaml", "facts:\n  - id: x\n    answer: 42\n    tags: {a: b}\n"),
        "knowledge/bad.yaml:3: fact 'x': 'answer' must be text, not a number",
    ),
    "duplicate-id": (
        _write("bad.yaml", "facts:\n  - id: ambassador-recalled\n    answer: Again.\n"),
        # bad.yaml sorts first, so the seed file's fact is the second use, located both ways.
        "fact 'ambassador-recalled': duplicate id, already used in knowledge/bad.yaml:2",
    ),
    "missing-answer": (
        _write("bad.yaml", "facts:\n  - id: x\n    questions: [why]\n"),
        "knowledge/bad.yaml:2: fact 'x': missing required field 'answer'",
    ),
    "answer-over-discord-limit": (
        _write("bad.yaml", "facts:\n  - id: x\n    answer: " + "word " * 1000 + "\n"),
        "knowledge/bad.yaml:3: fact 'x': 'answer' is 4999 characters long (limit 3800)",
    ),
    "fifty-megabytes": (_fifty_megabytes, "knowledge/bad.yaml: is 52,"),
    "deep-nesting": (
        _write("bad.yaml", "facts: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "knowledge/bad.yaml:1: nests more than 32 levels deep",
    ),
    "alias-bomb": (_write("bad.yaml", _bomb()), "YAML anchors and aliases are not allowed"),
    "not-utf8": (
        _write("bad.yaml", b"facts:\n  - id: x\n    answer: caf\xe9 au lait\n"),
        "knowledge/bad.yaml:3: is not valid UTF-8 text",
    ),
    "symlink-outside": (
        _link_outside,
        "knowledge/bad.yaml: is a link to a file outside the directory",
    ),
}


def _max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.parametrize("case", sorted(BAD_FILES))
async def test_bad_knowledge_file_is_refused_and_service_is_unchanged(
    kb: KnowledgeBase, knowledge_dir: Path, case: str
) -> None:
    """A reload meeting a hostile file fails located, fast and small; the old facts answer."""
    write, expected = BAD_FILES[case]
    before_memory = {f.id: f for f in kb.matcher.facts()}
    before_stored = await kb.store.all_facts()
    write(knowledge_dir)

    rss_before = _max_rss_bytes()
    tracemalloc.start()
    started = cpu_seconds()
    try:
        with pytest.raises(KnowledgeError) as caught:
            await kb.reload(MODERATOR)
        elapsed = cpu_seconds() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = _max_rss_bytes() - rss_before

    messages = [str(e) for e in caught.value.errors]
    assert any(m.startswith(expected) or expected in m for m in messages), messages
    assert all(m.startswith("knowledge/") for m in messages), messages
    assert elapsed < LOAD_SECONDS, f"{case}: {elapsed:.1f} s of CPU"
    assert peak < LOAD_PEAK_BYTES, f"{case}: traced peak {peak:,} bytes"
    assert rss_growth < 2 * LOAD_PEAK_BYTES, f"{case}: RSS grew {rss_growth:,} bytes"

    assert {f.id: f for f in kb.matcher.facts()} == before_memory
    assert await kb.store.all_facts() == before_stored
    result = await kb.ask("why was the ambassador recalled", record=False)
    assert result.best is not None and result.best.fact.id == "ambassador-recalled"
    assert result.decision is Decision.ANSWER

    # Removing the bad file makes the next reload succeed with nothing changed.
    (knowledge_dir / "bad.yaml").unlink()
    report = await kb.reload(MODERATOR)
    assert report.unchanged


# ------------------------------------------------------------------------- bot.yaml
def _cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *(str(a) for a in args)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env=env,
    )


BAD_SETTINGS: dict[str, tuple[str | bytes | None, str]] = {
    "unknown-key": ("colour: blue\n", "bot.yaml: colour: unknown setting"),
    "unknown-nested-key": (
        "discord:\n  cooldwn: {questions: 1}\n",
        "bot.yaml: discord.cooldwn: unknown setting",
    ),
    "wrong-type": (
        "matcher:\n  answer_threshold: high\n",
        "bot.yaml: matcher.answer_threshold: Input should be a valid number",
    ),
    "wrong-nested-type": (
        "discord:\n  cooldown:\n    questions: many\n",
        "bot.yaml: discord.cooldown.questions: Input should be a valid integer",
    ),
    "negative-cap": (
        "facts:\n  max_per_user_per_day: -1\n",
        "bot.yaml: facts.max_per_user_per_day: Input should be greater than or equal to 0",
    ),
    "bad-choice": ("facts:\n  who_can_add: anyone\n", "bot.yaml: facts.who_can_add: Input"),
    "yaml-syntax": ("discord:\n  dev_guilds: [1, 2\n", "bot.yaml:3: YAML syntax error"),
    "not-a-mapping": ("- discord\n- facts\n", "bot.yaml: must be a mapping of settings"),
    "not-utf8": (b"logging:\n  level: \xff\n", "bot.yaml: cannot be read"),
    "missing-file": (None, "bot.yaml: settings file not found"),
}


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_bad_settings_file_exits_2_with_one_line_naming_the_key(
    tmp_path: Path,
    case: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`python -m bot ... --config bot.yaml` with a broken file: one located line, exit 2.

    The command line's own entry point in this process (``bot.cli.main``, what ``python -m
    bot`` calls): ten interpreters started only to read a settings file cost ten start-ups.
    The real program stops on bad settings in ``test_bad_settings_stop_run_before_connecting``.
    """
    content, expected = BAD_SETTINGS[case]
    config = tmp_path / "bot.yaml"
    if isinstance(content, bytes):
        config.write_bytes(content)
    elif content is not None:
        config.write_text(content, encoding="utf-8")
    monkeypatch.chdir(REPO_ROOT)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    capsys.readouterr()
    code = main(["kb", "stats", "--config", str(config), "--db", str(tmp_path / "x.db")])
    out, err = capsys.readouterr()
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0] == f"error: {tmp_path}/{expected}" or lines[0].startswith(
        f"error: {tmp_path}/{expected}"
    ), lines[0]
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "x.db").exists()


def test_bad_settings_stop_run_before_connecting(tmp_path: Path) -> None:
    """`run` with a token set and an unknown key stops with exit 2 and never shows the token."""
    config = tmp_path / "bot.yaml"
    config.write_text("discord:\n  command_prefix: '!'\n  prefix: '?'\n", encoding="utf-8")
    token = "MTIzNDU2Nzg5.run-settings-token.zzz"
    env = {**os.environ, "DISCORD_TOKEN": token}
    done = _cli("run", "--config", config, env=env)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"error: {config}: discord.prefix: unknown setting"]
    assert token not in done.stdout + done.stderr
