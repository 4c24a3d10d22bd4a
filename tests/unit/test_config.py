from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in list(os.environ):
        if name in {
            "BOT_TOKEN",
            "TELEGRAM_API_URL",
            "DATABASE_PATH",
            "ADMIN_IDS",
            "INTAKE_HOST",
            "INTAKE_PORT",
            "INTAKE_TOKEN",
            "TIMEZONE",
            "DATABASE_URL",
        }:
            monkeypatch.delenv(name)
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC-DEF")
    return monkeypatch


def test_defaults_are_the_documented_ones(env: pytest.MonkeyPatch) -> None:
    settings = load_settings(env_file=None)
    assert settings.telegram_api_url == "https://api.telegram.org"
    assert settings.database_path == Path("data/leads.db")
    assert settings.admin_ids == frozenset()
    assert (settings.intake_host, settings.intake_port) == ("127.0.0.1", 8080)
    assert settings.intake_token is None
    assert settings.timezone == "Europe/Moscow"


def test_the_token_is_kept_secret(env: pytest.MonkeyPatch) -> None:
    settings = load_settings(env_file=None)
    assert "ABC-DEF" not in repr(settings)
    assert settings.bot_token.get_secret_value() == "123456:ABC-DEF"


def test_admin_ids_are_comma_separated(env: pytest.MonkeyPatch) -> None:
    env.setenv("ADMIN_IDS", " 100, 200 ,,300")
    assert load_settings(env_file=None).admin_ids == {100, 200, 300}


def test_values_come_from_the_env_file(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env.delenv("BOT_TOKEN")
    dotenv = tmp_path / ".env"
    dotenv.write_text("BOT_TOKEN=42:FROM-FILE\nTELEGRAM_API_URL=http://127.0.0.1:8081/\n")
    settings = load_settings(env_file=str(dotenv))
    assert settings.bot_token.get_secret_value() == "42:FROM-FILE"
    assert settings.telegram_api_url == "http://127.0.0.1:8081"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "ADMIN_IDS",
            "100,abc",
            "ADMIN_IDS is invalid: expected comma-separated Telegram user ids, got 'abc'",
        ),
        ("BOT_TOKEN", "not-a-token", "BOT_TOKEN is invalid: expected a token from @BotFather"),
        ("TELEGRAM_API_URL", "ftp://x", "TELEGRAM_API_URL is invalid: expected an http(s) URL"),
        ("INTAKE_PORT", "99999", "INTAKE_PORT is invalid"),
        ("TIMEZONE", "Mars/Olympus", "TIMEZONE is invalid: unknown time zone 'Mars/Olympus'"),
    ],
)
def test_a_malformed_value_names_its_variable(
    env: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    env.setenv(name, value)
    with pytest.raises(ConfigError) as error:
        load_settings(env_file=None)
    assert str(error.value).startswith(message)


def run_bot(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "ADMIN_IDS"}}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,  # no .env there
        env={**clean, "PYTHONPATH": str(ROOT), **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_the_program_without_a_token_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    result = run_bot(tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Configuration error: BOT_TOKEN is required: set it in the environment or in .env"
    ]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
def test_the_program_with_a_bad_variable_names_it_and_exits_2(tmp_path: Path) -> None:
    result = run_bot(tmp_path, BOT_TOKEN="1:x", ADMIN_IDS="me")
    assert result.returncode == 2
    assert "ADMIN_IDS is invalid" in result.stderr
    assert "Traceback" not in result.stderr


def test_env_example_and_readme_list_every_setting() -> None:
    root = Path(__file__).resolve().parents[2]
    variables = {name.upper() for name in Settings.model_fields}
    example = (root / ".env.example").read_text("utf-8")
    assert {
        line.split("=")[0] for line in example.splitlines() if "=" in line and line[0] != "#"
    } == variables
    readme = (root / "README.md").read_text("utf-8")
    assert [v for v in sorted(variables) if f"`{v}`" not in readme] == []


def test_database_url_chooses_the_engine(env: pytest.MonkeyPatch) -> None:
    assert Settings(_env_file=None).database == Path("data/leads.db")  # type: ignore[call-arg]
    env.setenv("DATABASE_URL", "sqlite:///srv/leads.db")
    assert Settings(_env_file=None).database == Path("srv/leads.db")  # type: ignore[call-arg]
    url = "postgresql://leadbot:pa55word@db.example.ru/leadbot"
    env.setenv("DATABASE_URL", url)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database == url and settings.database_file is None
    # The URL, and its password alone (a driver's message may quote it), stay out of logs.
    assert url in settings.secrets() and "pa55word" in settings.secrets()
    assert "pa55word" not in repr(settings)


def test_a_database_url_of_another_kind_names_the_variable(env: pytest.MonkeyPatch) -> None:
    env.setenv("DATABASE_URL", "mysql://db.example.ru/leadbot")
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_settings(None)
