"""Settings from the environment and `.env`: the variables PRODUCT.md lists, plus limits."""

from __future__ import annotations

import hashlib
import hmac
import re
import sys
from pathlib import Path
from typing import Annotated, NoReturn
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiogram.utils.token import TokenValidationError, validate_token
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.delivery.pacing import SendLimits
from bot.intake.clients import LOOPBACK, Network, Proxies, parse_networks
from bot.intake.server import ConnectionLimits

# What Telegram accepts as a webhook's secret token.
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    bot_token: SecretStr
    telegram_api_url: str = "https://api.telegram.org"
    database_path: Path = Path("data/leads.db")
    # Unset (or sqlite:///path): the SQLite file. postgresql://user:password@host/db: a
    # PostgreSQL database that several bot processes may share.
    database_url: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    intake_host: str = "127.0.0.1"
    intake_port: int = Field(default=8080, ge=0, le=65535)
    intake_token: SecretStr | None = None
    public_url: str | None = None  # where the world reaches the intake, for source links
    timezone: str = "Europe/Moscow"
    # Webhook mode: Telegram delivers updates to this https:// address (served by the intake,
    # behind Caddy); unset, the bot long-polls.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None  # unset: derived from BOT_TOKEN, stable
    webhook_max_connections: int = Field(default=40, ge=1, le=100)
    backup_dir: Path | None = None  # where the nightly copies go: `backups` beside the database
    backup_keep: int = Field(default=14, ge=1)  # how many nightly copies are kept
    # Beyond PRODUCT.md's table: abuse and flood limits, with defaults that fit Telegram.
    intake_rate_limit: int = Field(default=60, ge=1)
    intake_max_connections_per_client: int = Field(default=64, ge=1)
    # The proxies whose X-Forwarded-For says who the client is (Caddy on this machine).
    trusted_proxies: Annotated[tuple[Network, ...], NoDecode] = LOOPBACK
    intake_max_connections: int = Field(default=512, ge=1)
    intake_request_timeout: float = Field(default=10.0, gt=0)
    telegram_max_per_second: float = Field(default=30.0, gt=0)
    telegram_group_max_per_minute: float = Field(default=20.0, gt=0)
    telegram_private_max_per_second: float = Field(default=1.0, gt=0)

    @property
    def backup_folder(self) -> Path:
        file = self.database_file or self.database_path
        return self.backup_dir or file.parent / "backups"

    @field_validator("webhook_url", mode="before")
    @classmethod
    def _webhook_url(cls, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            return None
        parts = urlsplit(value.strip())
        local = parts.hostname in {"127.0.0.1", "localhost", "::1"}
        if not (parts.scheme == "https" or (parts.scheme == "http" and local)) or not parts.netloc:
            raise ValueError("expected an https:// URL such as https://leads.example.ru/telegram")
        if parts.path.rstrip("/") in {"", "/leads", "/health"} or parts.path.startswith("/leads/"):
            raise ValueError("expected a path of its own, such as /telegram")
        return value.strip()

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _webhook_secret(cls, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            return None
        if not _SECRET_TOKEN.fullmatch(value.strip()):
            raise ValueError("expected 1-256 characters: letters, digits, _ and -")
        return value.strip()

    @property
    def console_url(self) -> str | None:
        """Where the head's console opens: PUBLIC_URL's `/app`, if PUBLIC_URL is HTTPS (a Mini
        App must be); None without it (no console button; `check` says why)."""
        if self.public_url is None or urlsplit(self.public_url).scheme != "https":
            return None
        return self.public_url.rstrip("/") + "/app"

    @property
    def webhook_path(self) -> str | None:
        return urlsplit(self.webhook_url).path if self.webhook_url else None

    def webhook_token(self) -> str:
        """The secret Telegram sends with every update: WEBHOOK_SECRET, or one derived from
        the bot token, so that it stays the same across restarts without being stored."""
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        key = self.bot_token.get_secret_value().encode()
        return hmac.new(key, b"leadbot webhook", hashlib.sha256).hexdigest()

    @field_validator("backup_dir", mode="before")
    @classmethod
    def _backup_dir(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        try:
            validate_token(value.get_secret_value())
        except TokenValidationError:
            raise ValueError("expected a token from @BotFather, like 123456:ABC-DEF...") from None
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError("expected an http(s) URL such as https://api.telegram.org")
        return value.rstrip("/")

    @field_validator("public_url", mode="before")
    @classmethod
    def _public_url(cls, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError("expected an http(s) URL such as https://leads.example.ru")
        return value.strip().rstrip("/")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        ids = set()
        for part in value.split(","):
            item = part.strip()
            if not item:
                continue
            if not item.lstrip("-").isdigit():
                raise ValueError(f"expected comma-separated Telegram user ids, got {item!r}")
            ids.add(int(item))
        return frozenset(ids)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: object) -> object:
        return parse_networks(value) if isinstance(value, str) else value

    @property
    def proxies(self) -> Proxies:
        return Proxies(self.trusted_proxies)

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value:
            return None
        if not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise ValueError(
                "expected sqlite:///path/to/leads.db or postgresql://user:password@host/name"
            )
        return value

    @property
    def database(self) -> Path | str:
        """What `Database.open` takes: the SQLite file's path, or the PostgreSQL URL."""
        url = self.database_url.get_secret_value() if self.database_url else None
        if url is None:
            return self.database_path
        if url.startswith("sqlite:///"):
            return Path(url.removeprefix("sqlite:///"))
        return url

    @property
    def database_file(self) -> Path | None:
        """The SQLite file, or None on PostgreSQL."""
        target = self.database
        return target if isinstance(target, Path) else None

    @field_validator("intake_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}, expected e.g. Europe/Moscow") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def secrets(self) -> tuple[str, ...]:
        """Everything that must never reach a log line."""
        tokens = (self.bot_token, self.intake_token, self.database_url)
        found = tuple(token.get_secret_value() for token in tokens if token is not None)
        password = urlsplit(found[-1]).password if self.database_url else None
        found = (*found, password) if password else found
        return (*found, self.webhook_token()) if self.webhook_url else found

    @property
    def connection_limits(self) -> ConnectionLimits:
        return ConnectionLimits(
            per_client=self.intake_max_connections_per_client,
            total=self.intake_max_connections,
            head_timeout=self.intake_request_timeout,
        )

    @property
    def send_limits(self) -> SendLimits:
        return SendLimits(
            per_second=self.telegram_max_per_second,
            group_per_minute=self.telegram_group_max_per_minute,
            private_per_second=self.telegram_private_max_per_second,
        )


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


def describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        variable = str(item["loc"][0]).upper() if item["loc"] else "configuration"
        if item["type"] == "missing":
            lines.append(f"{variable} is required: set it in the environment or in .env")
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
            lines.append(f"{variable} is invalid: {message}")
    return "\n".join(lines)


def load_settings(env_file: str | None = ".env") -> Settings:
    try:
        return Settings(_env_file=env_file)  # type: ignore[call-arg]
    except ValidationError as error:
        raise ConfigError(describe(error)) from None


def exit_with(error: Exception) -> NoReturn:
    print(f"Configuration error: {error}", file=sys.stderr)
    raise SystemExit(2)
