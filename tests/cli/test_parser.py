"""The command line's grammar: each command's parser is built when that command is given, so
``kapdesk`` with no command (the window) builds none of them; what argparse says (--help, a
command's --help, its errors) is what it says with every parser built at once."""

from __future__ import annotations

import argparse

import pytest

from kapdesk.cli import build_parser
from kapdesk.cli.parser import Commands

COMMANDS = [
    "protocols",
    "clinic",
    "audit",
    "encrypt",
    "install-desktop",
    "backup",
    "backups",
    "restore",
    "sessions",
    "audio",
    "playlist",
    "export",
    "handout",
    "board",
    "connect",
    "demo",
    "reset-practice",
]


def _commands(parser: argparse.ArgumentParser) -> Commands:
    found = [action for action in parser._actions if isinstance(action, Commands)]
    assert len(found) == 1
    return found[0]


def _built(commands: Commands) -> list[str]:
    """The commands whose parser exists (dict's own view: no parser is built to look)."""
    return [
        name
        for name, made in dict.items(commands.choices)
        if isinstance(made, argparse.ArgumentParser)
    ]


def test_the_window_builds_no_commands_parser() -> None:
    parser = build_parser()
    args = parser.parse_args([])
    assert vars(args) == {
        "data_dir": None,
        "db": None,
        "kiosk": False,
        "practice": False,
        "command": None,
    }
    assert _built(_commands(parser)) == []


def test_a_command_builds_its_own_parser_only() -> None:
    parser = build_parser()
    args = parser.parse_args(["--data-dir", "room", "sessions", "list", "--limit", "3"])
    assert (args.data_dir, args.command, args.action, args.limit) == ("room", "sessions", "list", 3)
    assert _built(_commands(parser)) == ["sessions"]


def test_help_lists_every_command_in_order_without_building_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit) as stopped:
        parser.parse_args(["--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    listed = [line.split()[0] for line in shown.splitlines() if line.startswith("    ")]
    assert [name for name in listed if name in COMMANDS] == COMMANDS
    assert "export         write a session's record" in shown
    assert _built(_commands(parser)) == []


def test_an_unknown_command_is_refused_naming_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["exprot", "1"])
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert "invalid choice: 'exprot' (choose from " + ", ".join(map(repr, COMMANDS)) + ")" in said


def test_a_commands_help_and_errors_are_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["handout", "--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: kapdesk handout [-h] -o FILE.pdf [--force] SESSION_ID\n")
    assert "The handout: the intention, the journal prompts" in shown
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["handout", "7"])
    assert stopped.value.code == 2
    assert "kapdesk handout: error: the following arguments are required: -o/--output" in (
        capsys.readouterr().err
    )


def test_walking_the_commands_builds_each_parser_once() -> None:
    commands = _commands(build_parser())
    walked = dict(commands.choices.items())
    assert list(walked) == COMMANDS
    assert all(isinstance(made, argparse.ArgumentParser) for made in walked.values())
    assert [made.prog for made in walked.values()] == [f"kapdesk {name}" for name in COMMANDS]
    assert list(commands.choices.values()) == list(walked.values())
    assert _built(commands) == COMMANDS
