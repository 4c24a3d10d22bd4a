"""`check` on PostgreSQL: can the bot reach its database, and is the schema one it makes?

Read-only as the rest of `check`: nothing is migrated, nothing written.
"""

from __future__ import annotations

import shutil

from bot.runtime.findings import Finding, bad, good, warn
from bot.runtime.leadership import LEASE
from storage.engines.postgres_check import Examined, examine_postgres


async def postgres(url: str) -> list[Finding]:
    found = await examine_postgres(url, LEASE)
    return [_verdict(found), _dump_tool()]


def _verdict(found: Examined) -> Finding:
    where = found.where
    if found.error is not None:
        return bad(
            f"PostgreSQL {where} cannot be reached ({found.error}): check DATABASE_URL, that "
            "the server runs and lets this user in (pg_hba.conf).",
            f"PostgreSQL {where} недоступен ({found.error}): проверьте DATABASE_URL, что сервер "
            "запущен и пускает этого пользователя (pg_hba.conf).",
        )
    if found.version == 0:
        return good(
            f"PostgreSQL {where} is reachable; the schema will be created at the first start.",
            f"PostgreSQL {where} доступен; схема будет создана при первом запуске.",
        )
    if found.version > found.known:
        return bad(
            f"PostgreSQL {where} was written by a newer bot (schema {found.version}, this one "
            f"knows {found.known}): install that version again.",
            f"Базу PostgreSQL {where} писала более новая версия бота (схема {found.version}, "
            f"эта знает до {found.known}): поставьте ту версию снова.",
        )
    if found.missing:
        shown = ", ".join(found.missing[:5])
        return bad(
            f"PostgreSQL {where} lacks tables this bot makes ({shown}): something changed it "
            "by hand; restore a backup (python -m bot restore FILE).",
            f"В базе PostgreSQL {where} нет таблиц, которые создаёт бот ({shown}): базу меняли "
            "вручную; восстановите копию (python -m bot restore ФАЙЛ).",
        )
    leader = f" A bot process leads now: {found.leader}." if found.leader else ""
    leader_ru = f" Сейчас работает процесс бота: {found.leader}." if found.leader else ""
    if found.version < found.known:
        pending = found.known - found.version
        return good(
            f"PostgreSQL {where} is sound; {pending} migration(s) will run at the next start, "
            f"after a backup.{leader}",
            f"База PostgreSQL {where} в порядке; при следующем запуске, после резервной копии, "
            f"применятся обновления схемы: {pending}.{leader_ru}",
        )
    return good(
        f"PostgreSQL {where} is sound and up to date.{leader}",
        f"База PostgreSQL {where} в порядке.{leader_ru}",
    )


def _dump_tool() -> Finding:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        return warn(
            "pg_dump/pg_restore are not installed: the nightly copy and `backup`/`restore` "
            "need them (sudo apt-get install postgresql-client).",
            "pg_dump/pg_restore не установлены: без них не будет ночной копии и команд "
            "backup/restore (sudo apt-get install postgresql-client).",
        )
    return good(
        "pg_dump and pg_restore are installed for the copies.",
        "pg_dump и pg_restore установлены: копии будут.",
    )
