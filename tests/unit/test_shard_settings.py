"""Shard settings: bot.yaml's discord.shards / discord.shard_count, `run --shards/--shard-count`,
and the bot they make (unsharded by default, an AutoShardedBot on a range otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from discord.ext import commands

from bot.app import NewsdeskBot, ShardedNewsdeskBot, make_bot
from bot.cli import build_parser, main
from bot.cli.setup import setup_for as cli_setup
from bot.config import ConfigError, Settings, load_settings, shard_range_text


def settings_from(tmp_path: Path, discord: str) -> Settings:
    path = tmp_path / "bot.yaml"
    path.write_text(f"discord:\n{discord}", encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize(
    ("yaml_text", "shards", "count", "described"),
    [
        ("  shards: 0-1\n  shard_count: 4\n", (0, 1), 4, "shards 0-1 of 4"),
        ("  shards: [3, 2]\n  shard_count: 4\n", (2, 3), 4, "shards 2-3 of 4"),
        ("  shards: 5\n  shard_count: 8\n", (5,), 8, "shards 5 of 8"),
        ('  shards: "0-1,4"\n  shard_count: 8\n', (0, 1, 4), 8, "shards 0-1,4 of 8"),
        ("  shard_count: 2\n", None, 2, "shards 0-1 of 2"),
        ("  shard_count: auto\n", None, "auto", "every shard Discord recommends"),
        ("  shards: null\n  shard_count: null\n", None, None, "unsharded"),
    ],
)
def test_shard_settings_are_read_from_bot_yaml(
    tmp_path: Path, yaml_text: str, shards: Any, count: Any, described: str
) -> None:
    discord = settings_from(tmp_path, yaml_text).discord
    assert (discord.shards, discord.shard_count) == (shards, count)
    assert discord.describe_shards() == described


@pytest.mark.parametrize(
    ("yaml_text", "error"),
    [
        ("  shards: 0-1\n", "discord: shards needs shard_count: the number of shards of all"),
        ("  shards: 0-4\n  shard_count: 4\n", "discord: shard 4 is not below shard_count 4"),
        ("  shards: x\n  shard_count: 4\n", "discord.shards: 'x' is not a shard range"),
        ("  shards: 3-1\n  shard_count: 4\n", "discord.shards: '3-1' is not a shard range"),
        ("  shards: []\n  shard_count: 4\n", "discord.shards: give a range like 0-1"),
        ("  shards: -1\n  shard_count: 4\n", "discord.shards: shard ids are 0 or more"),
        ("  shards: [a]\n  shard_count: 4\n", "shard ids are whole numbers"),
        ("  shard_count: 0\n", "discord.shard_count: give a number of shards (1 or more), or auto"),
        ("  shard_count: many\n", "discord.shard_count: give a number of shards"),
        ("  shards: 0-1\n  shard_count: auto\n", "discord: shards needs a number for shard_count"),
    ],
)
def test_bad_shard_settings_are_refused_in_one_line(
    tmp_path: Path, yaml_text: str, error: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        settings_from(tmp_path, yaml_text)
    message = str(refused.value)
    assert error in message and "\n" not in message, message


def test_shard_ranges_are_written_back_compactly() -> None:
    assert shard_range_text((0, 1, 2, 5, 7, 8)) == "0-2,5,7-8"


def test_run_takes_shards_on_the_command_line_over_bot_yaml(tmp_path: Path) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text("discord:\n  shards: 0-1\n  shard_count: 4\n", encoding="utf-8")
    parse = build_parser().parse_args
    given = cli_setup(parse(["run", "--config", str(config), "--shards", "2-3"])).settings
    assert given.discord.describe_shards() == "shards 2-3 of 4"
    recount = cli_setup(parse(["run", "--config", str(config), "--shard-count", "2"])).settings
    assert recount.discord.describe_shards() == "shards 0-1 of 2"  # a new count: all its shards
    kept = cli_setup(parse(["run", "--config", str(config)])).settings
    assert kept.discord.describe_shards() == "shards 0-1 of 4"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--shards", "0-7", "--shard-count", "4"], "shard 7 is not below shard_count 4"),
        (["--shards", "0-1"], "shards needs shard_count"),
        (["--shards", "one", "--shard-count", "4"], "error: --shards: 'one' is not a shard range"),
        (["--shard-count", "zero"], "error: --shard-count: give a number of shards"),
    ],
)
def test_run_refuses_bad_shard_options_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    error: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    assert main(["run", "--db", str(tmp_path / "x.db"), *args]) == 2
    err = capsys.readouterr().err
    assert error in err and err.count("\n") == 1, err


# make_bot only hands the knowledge base to the bot: no database is needed to choose the class.


def test_unsharded_settings_make_the_plain_bot() -> None:
    bot = make_bot(object(), Settings())
    assert type(bot) is NewsdeskBot
    assert not isinstance(bot, commands.AutoShardedBot)
    assert bot.syncs_commands and bot.describe_shards() == "unsharded"


def test_shard_settings_make_an_auto_sharded_bot_on_its_range() -> None:
    settings = Settings.model_validate({"discord": {"shards": "2-3", "shard_count": 4}})
    bot = make_bot(object(), settings)
    assert isinstance(bot, ShardedNewsdeskBot) and isinstance(bot, commands.AutoShardedBot)
    assert (bot.shard_ids, bot.shard_count) == ([2, 3], 4)
    assert not bot.syncs_commands  # the process running shard 0 syncs
    assert bot.describe_shards() == "shards 2-3 of 4"
    first = make_bot(
        object(), Settings.model_validate({"discord": {"shards": "0-1", "shard_count": 4}})
    )
    assert first.syncs_commands


def test_auto_shard_count_leaves_the_count_to_discord() -> None:
    settings = Settings.model_validate({"discord": {"shard_count": "auto"}})
    bot = make_bot(object(), settings)
    assert isinstance(bot, ShardedNewsdeskBot)
    assert (bot.shard_ids, bot.shard_count) == (None, None)
