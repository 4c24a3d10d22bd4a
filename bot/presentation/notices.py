"""Messages to the heads of sales, in their private chats, through the outbox."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.i18n import Html, Translator, language_for
from bot.people import Roles
from bot.presentation.buttons import here_buttons
from bot.presentation.cards import owner_messages
from storage import (
    HANDING_OVER,
    Buttons,
    LeadRecord,
    MemberRecord,
    OutboxFile,
    OutboxMethod,
    OutboxPurpose,
    OutboxRepo,
    TeamRecord,
)
from storage.unit import Unit

log = logging.getLogger(__name__)

Text = Callable[[Translator], Html]


def team_translator(team: TeamRecord | None) -> Translator:
    """The team chat's language, which the heads' notices about the team use too."""
    return Translator(language_for(team.language if team else None))


def member_translator(member: MemberRecord) -> Translator:
    return Translator(language_for(member.language))


async def notify_member(
    outbox: OutboxRepo, member: MemberRecord, text: Text, at: datetime, lead_id: int | None
) -> None:
    """One line to a manager, in their language, as a message of its own (it rings)."""
    await outbox.enqueue(
        member.user_id,
        OutboxMethod.SEND,
        OutboxPurpose.MEMBER_NOTICE,
        text(member_translator(member)),
        at,
        lead_id=lead_id,
    )


async def enqueue_messages(
    outbox: OutboxRepo,
    chat_id: int,
    messages: list[Html],
    purpose: OutboxPurpose,
    at: datetime,
    lead_id: int | None,
    buttons: Buttons | None = None,
) -> None:
    """Queue a message and the follow-ups that carry what it had to cut (`owner_messages`).
    Only the first has `buttons`, and hands a lead over: a refused follow-up changes
    nothing. An owner's follow-ups are LEAD_TEXT (sent only while they own the lead); a
    head's stay what the first is."""
    rest = OutboxPurpose.LEAD_TEXT if purpose in HANDING_OVER else purpose
    for index, text in enumerate(messages):
        first = index == 0
        await outbox.enqueue(
            chat_id,
            OutboxMethod.SEND,
            purpose if first else rest,
            text,
            at,
            buttons=buttons if first else None,
            lead_id=lead_id,
        )


async def enqueue_photo(
    u: Unit,
    chat_id: int,
    purpose: OutboxPurpose,
    caption: Html,
    file: OutboxFile,
    at: datetime,
) -> int:
    """Queue a picture with its caption; the outbox sends it like any message."""
    row_id = await u.outbox.enqueue(chat_id, OutboxMethod.SEND_PHOTO, purpose, caption, at)
    await u.outbox_files.put(row_id, file)
    return row_id


class HeadNotices:
    def __init__(self, roles: Roles) -> None:
        self._roles = roles

    async def tell(
        self, u: Unit, team: TeamRecord | None, text: Text, at: datetime, lead_id: int | None = None
    ) -> None:
        """Queue `text` for every head, in the team's language. Call inside a transaction."""
        await self._tell_all(u, team, lambda tr: [text(tr)], at, lead_id)

    async def hand_over(
        self, u: Unit, team: TeamRecord, lead: LeadRecord, notice: Text, at: datetime
    ) -> None:
        """Give the heads the whole lead, contacts included, for when the team cannot."""

        def texts(tr: Translator) -> list[Html]:
            card, *rest = owner_messages(lead, tr("reason.for_head"), tr)
            return [Html(f"{notice(tr)}\n\n{card}"), *rest]

        await self._tell_all(u, team, texts, at, lead.id)

    async def held(self, u: Unit, team: TeamRecord, lead: LeadRecord, at: datetime) -> None:
        """The team chat cannot show this lead's card now; a hot lead cannot wait for it."""
        await self.hand_over(
            u, team, lead, lambda tr: tr("notice.held", id=lead.id, title=team.title), at
        )

    async def waiting_for_hours(
        self, u: Unit, team: TeamRecord, lead_id: int, count: int, hours: Text, at: datetime
    ) -> None:
        """A lead waits for the working day. The first of a night is a message to each head;
        the next ones edit it into a count (all of tonight's wait in the hours pool), so a
        night of leads is one message, not silence and not a flood."""
        tr = team_translator(team)
        first = tr("notice.hours_first", id=lead_id, hours=hours(tr))
        counted = tr("notice.hours_count", count=count, id=lead_id, hours=hours(tr))
        for head_id in sorted(self._roles.head_ids):
            earlier = (
                None
                if count <= 1
                else await u.messages.last_message(head_id, OutboxPurpose.HOURS_NOTICE)
            )
            if earlier is None:
                text = first if count <= 1 else counted
                await u.outbox.enqueue(
                    head_id, OutboxMethod.SEND, OutboxPurpose.HOURS_NOTICE, text, at
                )
            else:
                await u.outbox.enqueue(
                    head_id,
                    OutboxMethod.EDIT,
                    OutboxPurpose.HOURS_NOTICE,
                    counted,
                    at,
                    target_id=earlier.id,
                )

    async def _tell_all(
        self,
        u: Unit,
        team: TeamRecord | None,
        texts: Callable[[Translator], list[Html]],
        now: datetime,
        lead_id: int | None,
    ) -> None:
        tr = team_translator(team)
        messages = texts(tr)
        heads = sorted(self._roles.head_ids)
        for head_id in heads:
            await enqueue_messages(
                u.outbox, head_id, messages, OutboxPurpose.HEAD_NOTICE, now, lead_id
            )
        if not heads:
            log.warning("no heads of sales configured; nobody to tell: %s", messages[0])


def member_ref(member: MemberRecord) -> str:
    """How a head names the member in a command: @username, or their number in /team."""
    return f"@{member.username}" if member.username else str(member.id)


class PresencePosts:
    """What a pause or a return says: to the heads, and to a manager the bot paused."""

    def __init__(self, notices: HeadNotices) -> None:
        self._notices = notices

    async def heads(self, u: Unit, team: TeamRecord, key: str, member: MemberRecord) -> None:
        await self._notices.tell(u, team, lambda tr: tr(key, name=member.full_name), u.now)

    async def auto_paused(
        self, u: Unit, team: TeamRecord, member: MemberRecord, lapses: int, at: datetime
    ) -> None:
        """The manager hears it as a message of its own (it rings), with the button that
        brings them back; the heads hear who, why, and how to bring them back themselves."""
        tr = member_translator(member)
        await u.outbox.enqueue(
            member.user_id,
            OutboxMethod.SEND,
            OutboxPurpose.PRESENCE,
            tr("presence.auto_paused", count=lapses),
            at,
            buttons=here_buttons(tr),
        )
        await self._notices.tell(
            u,
            team,
            lambda tr: tr(
                "presence.head_auto_paused",
                name=member.full_name,
                count=lapses,
                who=member_ref(member),
            ),
            at,
        )

    async def back(self, u: Unit, member: MemberRecord, at: datetime) -> None:
        """The manager is at work again (`member` as it was while paused): the message
        that paused them loses its button and says so, whoever ended the pause."""
        paused_at = member.paused_at
        message = await u.messages.last_message(member.user_id, OutboxPurpose.PRESENCE)
        if message is None or paused_at is None or message.created_at < paused_at:
            return  # they paused themself: no such message
        tr = member_translator(member)
        text = Html(f"{message.text}\n\n{tr('presence.back')}")
        await u.outbox.enqueue(
            message.chat_id, OutboxMethod.EDIT, OutboxPurpose.PRESENCE, text, at, buttons=[],
            target_id=message.id,
        )  # fmt: skip
