"""A head gives a lead to a manager: a button on the head's card, /assign, or a lead picked
from /open (the team's open work); /reopen puts a closed lead back in work."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.actions.assign import Assign, AssignLead, AssignResult
from bot.actions.reopen import Reopen, ReopenLead, ReopenResult
from bot.handlers.common import heads_only, person_of
from bot.handlers.filters import IsHead
from bot.handlers.leads.views import team_leads_text
from bot.i18n import Html, Translator
from bot.ids import row_number
from bot.presentation.callbacks import AssignCb, GiveCb, LeadRef, OpenCb
from bot.presentation.keyboards import give_keyboard, open_work_keyboard
from bot.services.reporting.stats import Access, ReportService
from bot.services.team import TeamService


def _text(result: AssignResult, tr: Translator) -> Html:
    match result.outcome:
        case Assign.DONE:
            return tr("assign.done", id=result.lead_id, name=result.member_name or "?")
        case Assign.SAME:
            return tr("assign.same", id=result.lead_id, name=result.member_name or "?")
        case Assign.TAKEN:
            return tr("assign.taken", id=result.lead_id, name=result.member_name or "?")
        case Assign.CLOSED:
            return tr("assign.closed", id=result.lead_id)
        case Assign.NO_LEAD:
            return tr("assign.no_lead", id=result.lead_id)
        case Assign.NO_MEMBER:
            return tr("assign.no_member")


async def on_assign_button(
    query: CallbackQuery, callback_data: AssignCb, assign: AssignLead, tr: Translator
) -> None:
    result = await assign(
        callback_data.lead_id, callback_data.member_id, person_of(query.from_user), only_if_new=True
    )
    await query.answer(_text(result, tr), show_alert=result.outcome is not Assign.DONE)


async def on_assign(
    message: Message,
    command: CommandObject,
    assign: AssignLead,
    teams: TeamService,
    tr: Translator,
) -> None:
    assert message.from_user is not None
    parts = (command.args or "").split()
    lead_id = row_number(parts[0].lstrip("#№")) if parts else None
    if len(parts) != 2 or lead_id is None:
        await message.answer(tr("assign.usage"))
        return
    team = await teams.primary()
    member = await teams.find_member(team, parts[1]) if team else None
    if member is None or not member.active:
        await message.answer(tr("assign.no_member"))
        return
    result = await assign(lead_id, member.id, person_of(message.from_user), only_if_new=False)
    await message.answer(_text(result, tr))


def _reopened(result: ReopenResult, tr: Translator) -> Html:
    match result.outcome:
        case Reopen.DONE:
            return tr("reopen.done", id=result.lead_id, name=result.owner_name or "?")
        case Reopen.OPEN:
            return tr("reopen.open", id=result.lead_id)
        case Reopen.OWNER_GONE:
            return tr("reopen.owner_gone", id=result.lead_id)
        case Reopen.NO_LEAD:
            return tr("assign.no_lead", id=result.lead_id)


async def on_reopen(
    message: Message, command: CommandObject, reopen: ReopenLead, tr: Translator
) -> None:
    assert message.from_user is not None
    parts = (command.args or "").split()
    lead_id = row_number(parts[0].lstrip("#№")) if len(parts) == 1 else None
    if lead_id is None:
        await message.answer(tr("reopen.usage"))
        return
    result = await reopen(lead_id, person_of(message.from_user))
    await message.answer(_reopened(result, tr))


async def on_open(message: Message, reports: ReportService, tr: Translator) -> None:
    """The team's open work, oldest first, with a button per lead to hand it to someone."""
    assert message.from_user is not None
    view = await reports.open_work(person_of(message.from_user))
    if view.access is not Access.OK or view.now is None or view.owners is None:
        await message.answer(tr("team.none"))
        return
    text = team_leads_text(view.leads, view.owners, view.now, tr)
    if not view.leads:
        await message.answer(text)
        return
    markup = open_work_keyboard([LeadRef.of(lead) for lead in view.leads])
    await message.answer(f"{text}\n{tr('open.hint')}", reply_markup=markup)


async def on_open_lead(
    query: CallbackQuery, callback_data: OpenCb, teams: TeamService, tr: Translator
) -> None:
    """A lead picked from /open: whom to give it, a button per manager."""
    team = await teams.primary()
    members = await teams.members(team) if team else []
    if not members or not isinstance(query.message, Message):
        await query.answer(tr("assign.no_member"), show_alert=True)
        return
    choices = [(m.id, m.full_name) for m in members]
    await query.message.answer(
        tr("open.whom", id=callback_data.lead_id),
        reply_markup=give_keyboard(callback_data.ref, choices),
    )
    await query.answer()


async def on_give(
    query: CallbackQuery, callback_data: GiveCb, assign: AssignLead, tr: Translator
) -> None:
    """As /assign: any open lead, to the manager tapped, whoever has it now."""
    result = await assign(
        callback_data.lead_id,
        callback_data.member_id,
        person_of(query.from_user),
        only_if_new=False,
    )
    text = _text(result, tr)
    if result.outcome is Assign.DONE and isinstance(query.message, Message):
        await query.message.edit_text(text)
    await query.answer(text, show_alert=result.outcome is not Assign.DONE)


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_open, Command("open"), IsHead())
    router.message.register(heads_only(), Command("open"))
    for callback, handler in ((OpenCb, on_open_lead), (GiveCb, on_give)):
        router.callback_query.register(handler, callback.filter(), IsHead())
        router.callback_query.register(heads_only(), callback.filter())
    router.callback_query.register(on_assign_button, AssignCb.filter(), IsHead())
    router.callback_query.register(heads_only(), AssignCb.filter())
    router.message.register(on_assign, Command("assign"), IsHead())
    router.message.register(heads_only(), Command("assign"))
    router.message.register(on_reopen, Command("reopen"), IsHead())
    router.message.register(heads_only(), Command("reopen"))
    return router
