"""What people read: /my (own open leads), /lead (one lead and its history), /stats."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import BufferedInputFile, Message

from bot.handlers.common import IN_GROUP, IN_PRIVATE, heads_only, person_of
from bot.handlers.filters import IsHead
from bot.handlers.leads.views import history_text, my_leads_text, team_leads_text
from bot.handlers.reports.replay_views import replay_chart, replay_text
from bot.i18n import Html, Translator
from bot.ids import row_number
from bot.presentation.keyboards import open_private_keyboard
from bot.presentation.reports.charts import render_png, render_replay_png
from bot.presentation.reports.stats import stats_chart, stats_text
from bot.services.reporting.exports import ExportFile, ExportFormat, ExportService
from bot.services.reporting.replays import Asked, ReplayService
from bot.services.reporting.stats import Access, ReportService


async def _refuse(message: Message, access: Access, tr: Translator) -> None:
    match access:
        case Access.NO_TEAM:
            await message.answer(tr("team.none"))
        case Access.NOT_MEMBER:
            await message.answer(tr("team.members_only"))
        case Access.NOT_FOUND:
            await message.answer(tr("lead.not_found"))
        case Access.BAD_PERIOD:
            await message.answer(tr("stats.usage"))
        case Access.OK:
            pass


async def on_my(message: Message, reports: ReportService, tr: Translator) -> None:
    assert message.from_user is not None
    view = await reports.my_leads(person_of(message.from_user))
    if view.access is not Access.OK or view.now is None:
        await _refuse(message, view.access, tr)
        return
    if view.owners is not None:
        await message.answer(team_leads_text(view.leads, view.owners, view.now, tr))
        return
    await message.answer(my_leads_text(view.leads, view.now, tr))


LEAD_PAYLOAD = r"^lead-(\d{1,12})$"


def lead_deep_link(bot_username: str, lead_id: int) -> str:
    """Opens the bot's private chat and sends `/start lead-<id>`, which shows the lead."""
    return f"https://t.me/{bot_username}?start=lead-{lead_id:d}"


async def on_lead_in_group(
    message: Message, command: CommandObject, bot: Bot, tr: Translator
) -> None:
    """A lead's card holds the client's contacts: it is shown in private, never to a group."""
    lead_id = row_number((command.args or "").strip().lstrip("#№"))
    me = await bot.me()
    if lead_id is None or not me.username:
        await message.reply(tr("lead.private_only"))
        return
    markup = open_private_keyboard(lead_deep_link(me.username, lead_id), tr)
    await message.reply(tr("lead.private_only"), reply_markup=markup)


async def on_lead_link(
    message: Message, command: CommandObject, reports: ReportService, zone: ZoneInfo, tr: Translator
) -> None:
    assert command.args is not None
    await _show_lead(message, int(command.args.removeprefix("lead-")), reports, zone, tr)


async def on_lead(
    message: Message,
    command: CommandObject,
    reports: ReportService,
    zone: ZoneInfo,
    tr: Translator,
) -> None:
    lead_id = row_number((command.args or "").strip().lstrip("#№"))
    if lead_id is None:
        await message.answer(tr("lead.usage"))
        return
    await _show_lead(message, lead_id, reports, zone, tr)


async def _show_lead(
    message: Message, lead_id: int, reports: ReportService, zone: ZoneInfo, tr: Translator
) -> None:
    assert message.from_user is not None
    view = await reports.history(lead_id, person_of(message.from_user))
    if view.access is not Access.OK:
        await _refuse(message, view.access, tr)
        return
    for text in history_text(view, zone, tr):
        await message.answer(text)


async def on_stats(
    message: Message, command: CommandObject, reports: ReportService, tr: Translator
) -> None:
    """The figures as text for everyone in the team; for a head, the picture too."""
    assert message.from_user is not None
    stats = await reports.stats(person_of(message.from_user), command.args or "")
    if stats.access is not Access.OK or stats.figures is None:
        await _refuse(message, stats.access, tr)
        return
    await message.answer(stats_text(stats.figures, tr))
    # An empty period is said in words: a chart of nothing has axes and no meaning.
    if stats.for_head and not stats.figures.empty:
        png = await asyncio.to_thread(render_png, stats_chart(stats.figures, tr))
        await message.answer_photo(BufferedInputFile(png, "stats.png"))


async def on_export(
    message: Message, command: CommandObject, exports: ExportService, tr: Translator
) -> None:
    """The period's leads as a file, in private: it holds every client's contacts."""
    assert message.from_user is not None
    done = await exports.export(person_of(message.from_user), command.args or "", tr)
    if done.access is Access.BAD_PERIOD:
        await message.answer(tr("export.usage"))
        return
    if done.access is not Access.OK:
        await _refuse(message, done.access, tr)
        return
    if not done.leads:
        await message.answer(tr("export.empty"))
        return
    caption = _export_caption(done, tr)
    await message.answer_document(BufferedInputFile(done.data, done.filename), caption=caption)


def _export_caption(done: ExportFile, tr: Translator) -> Html:
    match done.kind:
        case ExportFormat.XLSX:
            return tr("export.caption_xlsx", count=done.leads)
        case ExportFormat.CSV:
            return tr("export.caption_csv", count=done.leads)


async def on_replay(
    message: Message, command: CommandObject, replays: ReplayService, tr: Translator
) -> None:
    """What another policy would have done with a past period: text, and the picture."""
    assert message.from_user is not None
    what = await replays.what_if(person_of(message.from_user), command.args or "")
    match what.asked:
        case Asked.NO_TEAM:
            await message.answer(tr("team.none"))
        case Asked.USAGE:
            await message.answer(tr("replay.usage"))
        case Asked.FIRST_COME:
            await message.answer(tr("replay.first_come"))
        case Asked.OK:
            await message.answer(replay_text(what, tr))
            if what.managers:
                png = await asyncio.to_thread(render_replay_png, replay_chart(what, tr))
                await message.answer_photo(BufferedInputFile(png, "replay.png"))


async def on_export_in_group(message: Message, tr: Translator) -> None:
    await message.reply(tr("export.private_only"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_export, Command("export"), IN_PRIVATE, IsHead())
    router.message.register(on_export_in_group, Command("export"), IN_GROUP, IsHead())
    router.message.register(heads_only(), Command("export"))
    router.message.register(on_replay, Command("replay"), IsHead())
    router.message.register(heads_only(), Command("replay"))
    router.message.register(on_my, Command("my"))
    router.message.register(on_lead, Command("lead"), IN_PRIVATE)
    router.message.register(on_lead_in_group, Command("lead"), IN_GROUP)
    router.message.register(
        on_lead_link,
        CommandStart(deep_link=True, magic=F.args.regexp(LEAD_PAYLOAD)),
        IN_PRIVATE,
    )
    router.message.register(on_stats, Command("stats"))
    return router
