"""`python -m bot check`: is this set-up ready to run? One line per finding, each problem with
its fix, in English and Russian; the exit code is 0 only when nothing is wrong.

It changes nothing: the database is opened read-only (pending migrations are reported, not
run), Telegram is asked only `getMe`, and a running bot is left alone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import urlsplit

from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError

from bot.config import ConfigError, Settings, load_settings
from bot.runtime.build import make_bot
from bot.runtime.findings import Finding, bad, good, warn
from storage import CannotOpenError
from storage.backup import examine_file
from storage.instance_lock import lock_path
from storage.migrating import load_migrations

TELEGRAM_TIMEOUT = 10.0


async def examine(env_file: str | None = ".env") -> list[Finding]:
    try:
        settings = load_settings(env_file)
    except ConfigError as error:
        return [bad(f"Settings: {line}", f"Настройки: {line}") for line in str(error).splitlines()]
    findings = [*access(settings), *await storage_findings(settings), *addresses(settings)]
    findings.append(await telegram(settings))
    return findings


async def storage_findings(settings: Settings) -> list[Finding]:
    file = settings.database_file
    if file is not None:
        return [*data_folder(file), database(file)]
    from bot.runtime.doctor_postgres import postgres  # noqa: PLC0415 - PostgreSQL only

    url = settings.database
    assert isinstance(url, str)
    return await postgres(url)


def access(settings: Settings) -> list[Finding]:
    """Who may set the team up, and whether forms can send leads: both can be empty, and
    both leave a new head wondering why nothing works."""
    found = []
    if not settings.admin_ids:
        found.append(
            warn(
                "ADMIN_IDS is empty: nobody is a head of sales, so nobody can run /setup or "
                "change the team. Send /start to the bot: it answers with your Telegram id; "
                "put it into .env as ADMIN_IDS=<id> and restart the bot.",
                "ADMIN_IDS пуст: руководителей нет, и никто не сможет выполнить /setup или "
                "настроить отдел. Отправьте боту /start: в ответе будет ваш Telegram id; "
                "впишите его в .env строкой ADMIN_IDS=<id> и перезапустите бота.",
            )
        )
    if settings.intake_token is None:
        found.append(
            warn(
                "INTAKE_TOKEN is empty: POST /leads answers 503 and forms that use the token "
                "lose their leads; source links (/source add) still work. Set a long random "
                "string (openssl rand -hex 24) to take leads with the token.",
                "INTAKE_TOKEN пуст: POST /leads отвечает 503, и формы с общим токеном теряют "
                "заявки; ссылки источников (/source add) работают. Задайте длинную случайную "
                "строку (openssl rand -hex 24), чтобы принимать заявки по токену.",
            )
        )
    return found


def data_folder(database: Path) -> list[Finding]:
    folder = database.parent
    if not folder.exists():
        return [
            good(
                f"Data folder {folder} will be created at the first start.",
                f"Папка данных {folder} будет создана при первом запуске.",
            )
        ]
    found = []
    if not os.access(folder, os.W_OK | os.X_OK):
        found.append(
            bad(
                f"Data folder {folder} is not writable for this user: "
                f"chown it to the bot's user (sudo chown -R $USER {folder}).",
                f"Папка данных {folder} недоступна этому пользователю для записи: "
                f"передайте её пользователю бота (sudo chown -R $USER {folder}).",
            )
        )
    for path in (folder, database, lock_path(database)):
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            mode = "700" if path.is_dir() else "600"
            found.append(
                bad(
                    f"{path} can be read by other users, and it holds clients' phones: "
                    f"chmod {mode} {path}",
                    f"{path} доступен другим пользователям, а там телефоны клиентов: "
                    f"chmod {mode} {path}",
                )
            )
    return found or [
        good(f"Data folder {folder} is private.", f"Папка данных {folder} закрыта от чужих.")
    ]


def database(path: Path) -> Finding:
    if not path.exists():
        return good(
            f"Database {path} will be created at the first start.",
            f"База {path} будет создана при первом запуске.",
        )
    try:
        verdict, version, differences = examine_file(path, "quick_check")
    except CannotOpenError as error:
        return bad(
            f"Database {path} cannot be read ({error}): restore a backup "
            "(python -m bot restore FILE).",
            f"Базу {path} не прочитать ({error}): восстановите копию (python -m bot restore ФАЙЛ).",
        )
    return _problem(path, verdict, version, differences) or _up_to_date(path, version)


def _problem(path: Path, verdict: str, version: int, differences: list[str]) -> Finding | None:
    """What makes the database unusable as it is, if anything."""
    known = len(load_migrations())
    if verdict != "ok":
        return bad(
            f"Database {path} is damaged ({verdict}): restore a backup "
            "(python -m bot restore FILE).",
            f"База {path} повреждена ({verdict}): восстановите копию (python -m bot restore ФАЙЛ).",
        )
    if version > known:
        return bad(
            f"Database {path} was written by a newer bot (schema {version}, this one knows "
            f"{known}): install that version again.",
            f"Базу {path} писала более новая версия бота (схема {version}, эта знает до "
            f"{known}): поставьте ту версию снова.",
        )
    if differences:
        shown = ", ".join(differences[:5])
        return bad(
            f"Database {path} has a schema this bot does not make ({shown}): something changed "
            "it by hand; restore a backup (python -m bot restore FILE).",
            f"В базе {path} схема, которую бот не создаёт ({shown}): базу меняли вручную; "
            "восстановите копию (python -m bot restore ФАЙЛ).",
        )
    return None


def _up_to_date(path: Path, version: int) -> Finding:
    known = len(load_migrations())
    if version < known:
        return good(
            f"Database {path} is sound; {known - version} migration(s) will run at the next "
            "start, after a backup.",
            f"База {path} в порядке; при следующем запуске, после резервной копии, "
            f"применятся обновления схемы: {known - version}.",
        )
    return good(f"Database {path} is sound and up to date.", f"База {path} в порядке.")


def addresses(settings: Settings) -> list[Finding]:
    return [public_url(settings), webhook_url(settings)]


def public_url(settings: Settings) -> Finding:
    if settings.public_url is None:
        return good(
            "PUBLIC_URL is not set: source links show the local address, which only works "
            "on this machine, and the heads get no console button (a Mini App needs HTTPS).",
            "PUBLIC_URL не задан: ссылки источников покажут локальный адрес, он работает "
            "только на этой машине, а кнопки «Пульт» у руководителей не будет (Mini App "
            "работает только по HTTPS).",
        )
    if urlsplit(settings.public_url).scheme != "https":
        return bad(
            f"PUBLIC_URL {settings.public_url} is not HTTPS: forms on an HTTPS site cannot "
            "post to it, and Telegram opens no console from it; use the https:// address "
            "your proxy serves.",
            f"PUBLIC_URL {settings.public_url} без HTTPS: формы с HTTPS-сайта не смогут "
            "отправить туда заявку, а пульт Telegram с такого адреса не откроет; укажите "
            "адрес https://, который обслуживает прокси.",
        )
    return good(
        f"PUBLIC_URL {settings.public_url} is HTTPS; the heads' console is {settings.console_url}.",
        f"PUBLIC_URL — адрес HTTPS; пульт руководителя — {settings.console_url}.",
    )


def webhook_url(settings: Settings) -> Finding:
    url = settings.webhook_url
    if url is None:
        return good(
            "WEBHOOK_URL is not set: the bot long-polls Telegram.",
            "WEBHOOK_URL не задан: бот сам забирает обновления у Telegram.",
        )
    parts = urlsplit(url)
    if parts.scheme != "https":
        return bad(
            f"WEBHOOK_URL {url} is not HTTPS: Telegram delivers only to https:// addresses; "
            "use the one your proxy serves, such as https://leads.example.ru/telegram.",
            f"WEBHOOK_URL {url} без HTTPS: Telegram доставляет только на адреса https://; "
            "укажите адрес прокси, например https://leads.example.ru/telegram.",
        )
    public = urlsplit(settings.public_url) if settings.public_url else None
    if public is not None and public.netloc != parts.netloc:
        return bad(
            f"WEBHOOK_URL {url} and PUBLIC_URL {settings.public_url} name different hosts: "
            "both go through the same proxy to this bot; use one host for both.",
            f"WEBHOOK_URL {url} и PUBLIC_URL {settings.public_url} указывают на разные "
            "адреса: оба идут через один прокси к этому боту; укажите один адрес.",
        )
    return good(f"WEBHOOK_URL {url} is HTTPS.", f"WEBHOOK_URL {url} — адрес HTTPS.")


async def telegram(settings: Settings) -> Finding:
    bot = make_bot(settings, TELEGRAM_TIMEOUT)
    try:
        me = await bot.get_me()
    except TelegramUnauthorizedError:
        return bad(
            "Telegram refuses BOT_TOKEN: copy the token again from @BotFather (/token).",
            "Telegram не принимает BOT_TOKEN: скопируйте токен заново у @BotFather (/token).",
        )
    except (TelegramAPIError, OSError, TimeoutError) as error:
        url = settings.telegram_api_url
        return bad(
            f"Telegram at {url} cannot be reached ({type(error).__name__}): check the "
            "server's internet access and TELEGRAM_API_URL.",
            f"Telegram по адресу {url} недоступен ({type(error).__name__}): проверьте "
            "доступ сервера в интернет и TELEGRAM_API_URL.",
        )
    finally:
        await bot.session.close()
    return good(
        f"Telegram knows the bot as @{me.username}.", f"Telegram знает бота: @{me.username}."
    )


def report(findings: list[Finding]) -> int:
    for finding in findings:
        mark = "!" if finding.warning else "✓" if finding.ok else "✗"
        print(f"{mark} {finding.english}")
        print(f"  {finding.russian}")
    problems = sum(not f.ok for f in findings)
    if problems:
        print(f"{problems} problem(s) / проблем: {problems}")
        return 1
    warnings = sum(f.warning for f in findings)
    if warnings:
        print(f"Ready to run, with {warnings} warning(s) above. / Можно запускать; предупреждений: "
              f"{warnings}.")  # fmt: skip
        return 0
    print("All is well. / Всё в порядке.")
    return 0
