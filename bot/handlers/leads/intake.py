"""Leads entered in Telegram: /newlead, forwarded messages and shared contacts."""

from __future__ import annotations

from dataclasses import replace

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot.actions.intake import HandEntry, HandEntryResult, IntakeService, NewLead
from bot.handlers.common import IN_PRIVATE, heads_only
from bot.handlers.filters import IsHead
from bot.i18n import Translator
from bot.leads.text import lead_from_text
from storage import LeadFields, LeadSource


async def _reply(message: Message, result: HandEntryResult, tr: Translator) -> None:
    match result.outcome:
        case HandEntry.CREATED:
            # In the team chat the card itself is the answer; a note above it is noise.
            if result.team_chat_id != message.chat.id:
                await message.reply(tr("newlead.created", id=result.lead_id))
        case HandEntry.JOINED:
            await message.reply(tr("newlead.joined", id=result.lead_id))
        case HandEntry.WAITING:
            await message.reply(tr("newlead.waiting", id=result.lead_id))
        case HandEntry.EMPTY:
            await message.reply(tr("newlead.empty"))


def _message_key(message: Message) -> str:
    """An update seen again after a crash must not make a second lead."""
    return f"telegram:{message.chat.id}:{message.message_id}"


async def on_newlead(
    message: Message, command: CommandObject, intake: IntakeService, tr: Translator
) -> None:
    assert message.from_user is not None
    if not command.args:
        await message.reply(tr("newlead.usage"))
        return
    new = NewLead(
        lead_from_text(command.args),
        LeadSource.COMMAND,
        idempotency_key=_message_key(message),
        added_by=message.from_user.id,
    )
    result = await intake.submit_by_hand(new)
    await _reply(message, result, tr)


def _forwarded(message: Message) -> tuple[LeadFields, int | None]:
    """The lead a forwarded message describes, and its author when Telegram tells us."""
    # The forward tells who the client is; the text's first words are theirs, not a name.
    fields = lead_from_text(message.text or message.caption or "", guess_name=False)
    origin = message.forward_origin
    name: str | None = None
    author: int | None = None
    if isinstance(origin, MessageOriginUser):
        name, author = origin.sender_user.full_name, origin.sender_user.id
    elif isinstance(origin, MessageOriginHiddenUser):
        name = origin.sender_user_name
    elif isinstance(origin, MessageOriginChat):
        name = origin.sender_chat.title
    elif isinstance(origin, MessageOriginChannel):
        name = origin.chat.title
    if message.contact is not None:
        contact = message.contact
        name = " ".join(p for p in (contact.first_name, contact.last_name) if p)
        author = contact.user_id
        fields = replace(fields, phone=contact.phone_number)
    if name and fields.name is None:
        fields = replace(fields, name=name)
    return fields, author


async def on_forward(message: Message, intake: IntakeService, tr: Translator) -> None:
    assert message.from_user is not None
    fields, author = _forwarded(message)
    new = NewLead(
        fields,
        LeadSource.FORWARD,
        idempotency_key=_message_key(message),
        contact_user_id=author,
        added_by=message.from_user.id,
    )
    result = await intake.submit_by_hand(new)
    await _reply(message, result, tr)


async def ignore_forward(message: Message) -> None:
    """A message forwarded into a group is somebody's words shown again, never an order."""


def make_forward_router() -> Router:
    """Forwarded messages, before any command sees them: a client's message that happens
    to start with "/set mode ..." is a lead, not the head's command."""
    router = Router(name=__name__ + ".forwards")
    forwarded = (IN_PRIVATE, F.forward_origin | F.contact)
    router.message.register(on_forward, *forwarded, IsHead())
    router.message.register(heads_only("forward.not_head"), *forwarded)
    router.message.register(ignore_forward, F.forward_origin)
    return router


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_newlead, Command("newlead"), IsHead())
    router.message.register(heads_only("newlead.not_head"), Command("newlead"))
    return router
