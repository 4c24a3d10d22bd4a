"""The services and the dispatcher, built from settings: `main()` and every test build them
with these same functions, so that a test runs the handlers and services the bot runs."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.actions.accept import Accept
from bot.actions.assign import AssignLead
from bot.actions.claim import ClaimLead
from bot.actions.close import Close
from bot.actions.contact import Contact
from bot.actions.give_back import GiveBack
from bot.actions.intake import IntakeService
from bot.actions.reactions import AfterCommit, InUnit
from bot.actions.reason_note import ReasonNotes
from bot.actions.reopen import ReopenLead
from bot.actions.time_out import LeadTimers
from bot.actions.undo import Undo
from bot.clock import Clock
from bot.config import Settings
from bot.delivery.signal import OutboxSignal
from bot.delivery.telegram.pulse import TelegramPulse
from bot.delivery.telegram.reach import TelegramReach
from bot.handlers import get_routers
from bot.handlers.guard import ButtonGuard
from bot.handlers.middlewares import I18nMiddleware, ProfileMiddleware
from bot.lifecycle.alarm import Alarm
from bot.lifecycle.deadlines import Deadlines
from bot.lifecycle.distribution import Distributor
from bot.lifecycle.handover import Handover
from bot.lifecycle.head_cards import HeadCards
from bot.lifecycle.planner import Planner
from bot.lifecycle.presence import Presence
from bot.lifecycle.transitions import Lifecycle
from bot.people import Roles
from bot.presentation.contacts import ContactPosts
from bot.presentation.endings import Endings
from bot.presentation.lead_posts import LeadPosts
from bot.presentation.notices import HeadNotices, PresencePosts
from bot.presentation.reactions import Reactions
from bot.services.buttons import ButtonLedger
from bot.services.chats import ChatService
from bot.services.console import ConsoleService
from bot.services.heads import HeadService
from bot.services.health import HealthService
from bot.services.leaving import Leaving
from bot.services.managers import ManagerService
from bot.services.refusals import RefusalService
from bot.services.reporting.exports import ExportService
from bot.services.reporting.replays import ReplayService
from bot.services.reporting.stats import ReportService
from bot.services.restores import RestoreNotices
from bot.services.route_check import RouteCheck
from bot.services.rules import RuleService
from bot.services.sources import SourceService
from bot.services.team import TeamService
from bot.timing.away import Away
from bot.timing.firing import TimerService
from bot.timing.opening import Opening
from bot.timing.vacations import Vacations
from bot.timing.weekly import WeeklyReport
from storage import Database

# aiogram waits 60 s by default; a hung send should not hold the outbox that long.
REQUEST_TIMEOUT = 20.0


@dataclass(frozen=True)
class Services:
    intake: IntakeService
    sources: SourceService
    claim: ClaimLead
    accept: Accept
    give_back: GiveBack
    close: Close
    contact: Contact
    undo: Undo
    reason_notes: ReasonNotes
    assign: AssignLead
    reopen: ReopenLead
    handover: Handover
    managers: ManagerService
    reports: ReportService
    exports: ExportService
    replays: ReplayService
    teams: TeamService
    console: ConsoleService
    leaving: Leaving
    chats: ChatService
    health: HealthService
    refusals: RefusalService
    heads: HeadService
    rules: RuleService
    routes: RouteCheck
    roles: Roles
    vacations: Vacations
    timers: TimerService
    alarm: Alarm
    buttons: ButtonLedger
    restores: RestoreNotices


def make_bot(settings: Settings, timeout: float = REQUEST_TIMEOUT) -> Bot:
    session = AiohttpSession(
        api=TelegramAPIServer.from_base(settings.telegram_api_url), timeout=timeout
    )
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(
            parse_mode=ParseMode.HTML,
            link_preview_is_disabled=True,
        ),
    )


@dataclass(frozen=True)
class Core:
    """A lead's life, wired once: what the services receive, each only the parts it uses."""

    alarm: Alarm
    planner: Planner
    deadlines: Deadlines
    life: Lifecycle
    notices: HeadNotices
    head_cards: HeadCards
    posts: LeadPosts
    told: Reactions
    distributor: Distributor


def build_core(roles: Roles, zone: str) -> Core:
    alarm = Alarm()
    planner = Planner(roles, zone)
    deadlines = Deadlines(planner, alarm)
    life = Lifecycle(deadlines)
    notices = HeadNotices(roles)
    head_cards = HeadCards(planner, roles)
    posts = LeadPosts(notices)
    told = Reactions(posts)
    distributor = Distributor(planner, life)
    return Core(alarm, planner, deadlines, life, notices, head_cards, posts, told, distributor)


def wire(db: Database, core: Core, clock: Clock, signal: OutboxSignal) -> None:
    """Every unit reads the bot's clock once; what it emits is told in the unit, and the
    outbox is woken after its commit."""
    db.now = clock.now
    db.on_emit = InUnit(
        core.told,
        Endings(core.told),
        core.posts,
        core.notices,
        core.head_cards,
        ContactPosts(core.notices),
        PresencePosts(core.notices),
    )
    db.on_commit = AfterCommit(signal)


def build_services(
    db: Database,
    bot: Bot,
    settings: Settings,
    clock: Clock,
    outbox_signal: OutboxSignal,
    pulse: TelegramPulse,
) -> Services:
    roles = Roles(settings.admin_ids)
    core = build_core(roles, settings.timezone)
    alarm, planner, deadlines, life = core.alarm, core.planner, core.deadlines, core.life
    notices, head_cards, posts = core.notices, core.head_cards, core.posts
    wire(db, core, clock, outbox_signal)
    distributor = core.distributor
    intake = IntakeService(db, distributor)
    handover = Handover(life, distributor)
    reports = ReportService(db, roles, settings.timezone)
    presence = Presence(handover)
    away = Away(planner, life, handover, notices)
    lead_timers = LeadTimers(planner, deadlines, life, distributor, head_cards, presence)
    opening = Opening(planner, deadlines, distributor, posts)
    weekly = WeeklyReport(planner, deadlines, roles, reports)
    timers = TimerService(db, planner, deadlines, lead_timers, opening, away, weekly)
    reach = TelegramReach(bot)
    teams = TeamService(db, roles, intake, handover, reach, timers)
    chats = ChatService(db, roles, distributor, handover)
    health = HealthService(db, pulse, clock, roles)
    refusals = RefusalService(db, notices)
    heads = HeadService(db, roles, teams)
    vacations = Vacations(db, roles, planner, deadlines, away)
    assign = AssignLead(db, planner, life)
    managers = ManagerService(db, settings.timezone, timers, presence)
    rule_service = RuleService(db, planner)
    local_url = f"http://{settings.intake_host}:{settings.intake_port}"
    return Services(
        intake=intake,
        sources=SourceService(db, settings.zone, settings.public_url, local_url),
        claim=ClaimLead(db, planner, life),
        accept=Accept(db, life),
        give_back=GiveBack(db, life, distributor),
        close=Close(db, life),
        contact=Contact(db, life),
        undo=Undo(db, life),
        reason_notes=ReasonNotes(db),
        assign=assign,
        reopen=ReopenLead(db, life),
        handover=handover,
        managers=managers,
        console=ConsoleService(db, roles, managers, rule_service),
        reports=reports,
        exports=ExportService(db, roles, reports),
        replays=ReplayService(db, roles, planner),
        teams=teams,
        leaving=Leaving(db, handover, assign),
        chats=chats,
        health=health,
        refusals=refusals,
        heads=heads,
        rules=rule_service,
        routes=RouteCheck(db, planner),
        roles=roles,
        vacations=vacations,
        timers=timers,
        alarm=alarm,
        buttons=ButtonLedger(db, planner, settings.zone),
        restores=RestoreNotices(db, notices),
    )


def build_dispatcher(
    services: Services, zone: ZoneInfo, console_url: str | None = None
) -> Dispatcher:
    dispatcher = Dispatcher(
        intake=services.intake,
        sources=services.sources,
        claim=services.claim,
        accept=services.accept,
        give_back=services.give_back,
        close=services.close,
        contact=services.contact,
        undo=services.undo,
        reason_notes=services.reason_notes,
        assign=services.assign,
        reopen=services.reopen,
        managers=services.managers,
        reports=services.reports,
        exports=services.exports,
        replays=services.replays,
        zone=zone,
        teams=services.teams,
        leaving=services.leaving,
        chats=services.chats,
        heads=services.heads,
        rules=services.rules,
        routes=services.routes,
        roles=services.roles,
        vacations=services.vacations,
        buttons=services.buttons,
        console_url=console_url,
    )
    dispatcher.update.middleware(I18nMiddleware())
    dispatcher.update.middleware(ProfileMiddleware())
    dispatcher.callback_query.outer_middleware(ButtonGuard())
    dispatcher.include_routers(*get_routers())
    return dispatcher
