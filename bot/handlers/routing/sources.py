"""Intake links per form or ad platform: /source add|del|rotate and /sources (heads, private:
a link is a secret)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import IN_PRIVATE, heads_only, person_of
from bot.handlers.filters import IsHead
from bot.i18n import Html, Translator
from bot.presentation.text_size import clip
from bot.services.sources import SourceChange, SourceResult, SourceService
from storage import SourceFigures, SourceKind


def _options(words: list[str]) -> tuple[list[str], dict[str, str]]:
    """Plain words, and `key=value` options."""
    plain = [w for w in words if "=" not in w]
    options = dict(w.split("=", 1) for w in words if "=" in w)
    return plain, {k.casefold(): v for k, v in options.items()}


def _added(result: SourceResult, sources: SourceService, tr: Translator) -> Html:
    assert result.source is not None and result.link is not None
    source = result.source
    key = "source.added_vk" if source.kind is SourceKind.VK else "source.added"
    channel = source.channel or tr("source.no_channel")
    text = tr(key, name=source.name, channel=channel, link=result.link)
    if not sources.has_public_url:
        text = Html(f"{text}\n\n{tr('source.no_public_url')}")
    return text


async def on_source(
    message: Message, command: CommandObject, sources: SourceService, tr: Translator
) -> None:
    assert message.from_user is not None
    actor = person_of(message.from_user)
    words = (command.args or "").split()
    action, rest = (words[0].casefold(), words[1:]) if words else ("", [])
    plain, options = _options(rest)
    if action == "add" and 1 <= len(plain) <= 2:
        vk = (options.get("confirm"), options.get("secret"))
        if options and not all(vk):
            await message.answer(tr("source.usage_vk"))
            return
        pair = (vk[0], vk[1]) if vk[0] and vk[1] else None
        channel = plain[1] if len(plain) == 2 else None
        result = await sources.add(actor, plain[0], channel, pair)
    elif action in {"del", "rotate"} and len(plain) == 1 and not options:
        change = sources.remove if action == "del" else sources.rotate
        result = await change(actor, plain[0])
    else:
        await message.answer(tr("source.usage"))
        return
    match result.outcome:
        case SourceChange.DONE if action == "add":
            await message.answer(_added(result, sources, tr))
        case SourceChange.DONE if action == "del":
            await message.answer(tr("source.deleted", name=plain[0]))
        case SourceChange.DONE:
            await message.answer(tr("source.rotated", name=plain[0], link=result.link or ""))
        case SourceChange.EXISTS:
            await message.answer(tr("source.exists", name=plain[0]))
        case SourceChange.NOT_FOUND:
            await message.answer(tr("source.not_found", name=plain[0]))
        case SourceChange.BAD_NAME:
            await message.answer(tr("source.bad_name"))


def _line(figures: SourceFigures, zone: ZoneInfo, tr: Translator) -> str:
    source = figures.source
    last = (
        figures.last_lead_at.astimezone(zone).strftime("%d.%m %H:%M")
        if figures.last_lead_at
        else tr("sources.never")
    )
    line = tr(
        "sources.line",
        name=clip(source.name, 40),
        channel=source.channel or tr("source.no_channel"),
        today=figures.leads_today,
        week=figures.leads_week,
        last=last,
    )
    if figures.last_refusal_at is not None:
        refused = tr(
            "sources.refused",
            when=figures.last_refusal_at.astimezone(zone).strftime("%d.%m %H:%M"),
            why=tr("refusal." + (figures.last_refusal_reason or "unreadable")),
        )
        line = Html(f"{line}\n{refused}")
    return line


async def on_sources(
    message: Message, sources: SourceService, zone: ZoneInfo, tr: Translator
) -> None:
    rows = await sources.figures()
    if not rows:
        await message.answer(tr("sources.empty"))
        return
    lines = [tr("sources.header"), *(_line(row, zone, tr) for row in rows)]
    await message.answer(Html("\n\n".join(lines)))


async def on_in_group(message: Message, tr: Translator) -> None:
    await message.answer(tr("source.private_only"))


def make_router() -> Router:
    router = Router(name=__name__)
    for name, handler in (("source", on_source), ("sources", on_sources)):
        router.message.register(handler, Command(name), IN_PRIVATE, IsHead())
        router.message.register(on_in_group, Command(name), IsHead())
        router.message.register(heads_only(), Command(name))
    return router
