"""Every nudge in a private chat reaches a person: a reminder, a question or a notice is a
new message that notifies, never a silent edit of an older message far up the chat; only
more than a handful due at once fold, into one new message at the bottom."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import EditMessageReplyMarkup, EditMessageText, SendMessage

from bot.delivery.chatplan import HANDFUL
from bot.handlers.common import person_of
from storage import BoardKind, BoardRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT
from tests.conftest import World
from tests.dispatcher.conftest import new_lead, reply_to
from tests.dispatcher.test_lead_life import round_robin_team, tap
from tests.dispatcher.test_time import MINUTE, fire, first_come_team

SECONDS = timedelta(seconds=1)


async def deliver(world: World) -> None:
    """Let the outbox send all that is due (this test reads what reached which chat)."""
    world.session.expect_message(times=100)
    world.session.expect_message(EditMessageText, times=100)
    while await world.worker.deliver_due():
        pass
    world.session.withdraw(SendMessage)
    world.session.withdraw(EditMessageText)


def to(world: World, chat_id: int, since: int) -> list[SendMessage]:
    return [m for m in world.session.of(SendMessage)[since:] if m.chat_id == chat_id]


async def test_a_calm_day_in_one_private_chat_every_nudge_is_a_new_message_that_rings(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await world.services.managers.set("digest", "off")
    a = await new_lead(world, "ООО Альфа")  # Ivan's
    omega = await new_lead(world, "ООО Омега")  # Olga's
    b = await new_lead(world, "ООО Бета")  # Ivan's again
    await tap(world, IVAN, f"offer:accept:{a}")
    world.clock.advance(10)
    await tap(world, OLGA, f"offer:accept:{omega}")
    world.clock.advance(10)
    await tap(world, IVAN, f"offer:accept:{b}")
    await deliver(world)  # the three offers, each accepted in place
    start = len(world.session.of(SendMessage))

    # Three working days on, Ivan's two outcome reminders fall due 20 s apart.
    for _ in range(3):
        assert await fire(world, timedelta(days=3) - 20 * SECONDS if _ == 0 else 10 * SECONDS)
        await deliver(world)
    # A head moves lead B on a few seconds later: Ivan is told in one line.
    world.clock.advance(5)
    await reply_to(world, HEAD, f"/assign {b} @olga")
    await deliver(world)
    # Ivan closes lead A as lost for "another reason": the bot asks which, at once.
    world.clock.advance(5)
    world.session.expect(EditMessageReplyMarkup)
    await tap(world, IVAN, f"out:lost:{a}")
    await tap(world, IVAN, f"lost:{a}:other")
    await deliver(world)

    nudges = to(world, IVAN.id, start)
    starts = (
        f"📞 Лид №{a} (",  # five minutes after each accept: the client is still not called
        f"📞 Лид №{b} (",
        f"🔔 Лид №{a} (",
        f"🔔 Лид №{b} (",
        f"➡️ Лид №{b} передан",
        f"✍️ Лид №{a}: отказ",
    )
    assert len(nudges) == len(starts)
    assert all((m.text or "").startswith(s) for m, s in zip(nudges, starts, strict=True))
    assert all(not m.disable_notification for m in nudges)
    # Nothing was folded into a digest in a private chat, and no nudge was edited into one.
    boards = await BoardRepo(world.db.conn).open_boards()
    assert [b for b in boards if b.chat_id > 0] == []
    edits = [m.text or "" for m in world.session.of(EditMessageText) if m.chat_id == IVAN.id]
    assert edits and not any(text.startswith(("🗒", "✍️", "➡️")) for text in edits)


async def test_more_than_a_handful_at_once_fold_into_one_new_message_at_the_bottom(
    world: World,
) -> None:
    await round_robin_team(world, IVAN, OLGA)
    await world.services.managers.set("digest", "off")
    await reply_to(world, HEAD, "/set accept_timeout 1m")
    leads = [await new_lead(world, f"ООО {n}") for n in range(HANDFUL + 1)]
    await deliver(world)  # the offers
    start = len(world.session.of(SendMessage))
    # Every offer times out at once and goes to the other manager: a line each to the head.
    assert await fire(world, timedelta(minutes=1)) == HANDFUL + 1
    await deliver(world)
    [digest] = to(world, HEAD.id, start)
    assert (digest.text or "").startswith("🗒 <b>Сразу несколько новостей</b>")
    assert all(f"Лид №{lead} не принят за 1 мин" in (digest.text or "") for lead in leads)
    assert not digest.disable_notification
    assert all(m.chat_id != HEAD.id for m in world.session.of(EditMessageText))
    # Shown once, it is done: a later line is a new message of its own.
    assert await BoardRepo(world.db.conn).open_board(HEAD.id, BoardKind.DIGEST) is None


async def test_a_reminder_whose_lead_was_claimed_leaves_the_digest_at_its_next_edit(
    world: World,
) -> None:
    await first_come_team(world)
    leads = [await new_lead(world, f"ООО {name}") for name in ("Альфа", "Бета", "Гамма")]
    await deliver(world)  # the cards
    assert await fire(world, 5 * MINUTE) == 3  # a reminder each, at once
    await deliver(world)  # the first line alone, then the digest grows out of it
    [digest] = [m for m in world.session.of(EditMessageText) if m.chat_id == TEAM_CHAT.id]
    assert all(f"Лид №{lead} (" in (digest.text or "") for lead in leads)

    # Бета is claimed: the digest is not edited for that alone (the card says it).
    await world.services.claim(leads[1], TEAM_CHAT.id, person_of(IVAN))
    edits_before = len(world.session.of(EditMessageText))
    await deliver(world)
    marks = world.session.of(EditMessageText)[edits_before:]
    assert [m.text for m in marks if (m.text or "").startswith("🗒")] == []

    # The next news edits the digest, and the claimed lead's "who takes it?" is gone.
    await reply_to(world, HEAD, "/set claim_remind 30s")
    later = await new_lead(world, "ООО Дельта")
    await deliver(world)
    assert await fire(world, 30 * SECONDS) == 1
    await deliver(world)
    last = [m for m in world.session.of(EditMessageText) if (m.text or "").startswith("🗒")][-1]
    assert f"Лид №{later} (" in (last.text or "")
    assert f"Лид №{leads[1]} (" not in (last.text or "")
    assert f"Лид №{leads[0]} (" in (last.text or "") and f"Лид №{leads[2]} (" in (last.text or "")
