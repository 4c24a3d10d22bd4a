"""Russian texts of time: reminders, escalation, accept timeouts, vacations, working hours.

Merged into `ru.MESSAGES`; nothing agrees with a person's gender, names stand in the
nominative after a colon or a dash.
"""

TIME: dict[str, str] = {
    "cmd.vacation": "Отпуск: /vacation 2026-12-01 2026-12-14",
    "cmd.vacations": "Отпуска: текущие и будущие",
    "cmd.hours": "Рабочие часы отдела и менеджеров",
    "cmd.duty": "Дежурные в нерабочее время",
    # Settings
    "setting.claim_remind": "напоминание в чате о невзятом лиде",
    "setting.claim_escalate": "затем сообщение руководителю",
    "setting.accept_timeout": "ждать, пока менеджер примет лид",
    "setting.max_passes": "сколько раз передавать непринятый лид, потом руководителю",
    "setting.outcome_remind": "напоминать о лиде без итога каждые",
    "setting.handback": "после отпуска вернуть лиды от заместителя",
    "setting.timezone": "часовой пояс",
    "setting.work_days": "рабочие дни",
    "setting.work_hours": "рабочие часы",
    "setting.off_hours": "в нерабочее время",
    "off_hours.hold": "лиды ждут утра",
    "off_hours.duty": "лиды получают дежурные",
    "set.bad_duration": (
        "Длительность — число и единица: 30s, 5m, 2h, 3d (или 1h30m), от 1 секунды до 30 дней; "
        "off — выключить."
    ),
    "set.bad_passes": "Число от 1 до 20.",
    "set.bad_timezone": "Часовой пояс — как в базе tz: Europe/Moscow, Asia/Vladivostok, UTC.",
    "set.bad_days": "Дни: mon-fri, mon-sat, mon,wed,fri или daily (можно пн-пт).",
    "set.bad_hours": "Часы: 09:00-18:00; весь день — 00:00-24:00.",
    "set.bad_off_hours": "Значение: hold (лиды ждут утра) или duty (лиды получают дежурные).",
    "settings.button_accept": "ждать {wait}",
    "settings.button_on": "включить: {label}",
    "settings.button_off": "выключить: {label}",
    "weekday.mon": "пн",
    "weekday.tue": "вт",
    "weekday.wed": "ср",
    "weekday.thu": "чт",
    "weekday.fri": "пт",
    "weekday.sat": "сб",
    "weekday.sun": "вс",
    "dur.d": "{n} дн.",
    "dur.h": "{n} ч",
    "dur.m": "{n} мин",
    "dur.s": "{n} с",
    # Who routing passed over
    "skip.away": "в отпуске",
    "skip.off_hours": "нерабочее время",
    # Reminders and escalation
    "remind.chat": "⏰ Лид №{id} ({client}) ждёт уже {wait}. Кто возьмёт?",
    "escalate.unclaimed": "⏰ Лид №{id} так и не взят из чата за {wait}. Кому отдать?",
    "escalate.passes": "⏳ Лид №{id} не принят по очереди, передач подряд: {passes}. Кому отдать?",
    "ask.claimed": "✋ Лид взят из чата: {name}.",
    "ask.to_chat": "⏰ Менеджер не выбран вовремя: лид отправлен в чат отдела.",
    "offer.timed_out": "⏳ Не принят за {wait}: лид передан дальше.",
    "notice.timeout": "⏳ Лид №{id} не принят за {wait}: {name}. Дальше: {where}.",
    "where.member": "лид получает {name}",
    "where.chat": "в чате отдела, взять может любой",
    "where.heads": "ждёт решения руководителя",
    "where.hours": "ждёт начала рабочего дня",
    "where.state": "{state}: {name}",
    "where.chat_waiting": "ждёт в чате отдела",
    "remind.outcome": (
        "🔔 Лид №{id} ({client}) у вас уже {age}, а итога нет. Чем закончилось? "
        "Если работа идёт, напомню позже."
    ),
    "opening.summary": "☀️ Доброе утро! Лиды за нерабочее время: {count}.\n{lines}",
    "opening.line": "№{id} {client} — {where}",
    "offer.away": "🌴 Вы в отпуске: лид передан дальше.",
    "cause.away": "до вас лид был предложен: {name}, но у этого менеджера начался отпуск",
    "history.away": "у менеджера начался отпуск",
    "cause.timeout": "не принят за {wait}: {name}",
    "history.timeout": "не принят за {wait}",
    "reason.cover_for": "вы замещаете: {name}",
    "reason.handback": "вы снова в работе; лид был у заместителя: {name}",
    "route.held": "Отдел сейчас не работает: лид подождёт начала рабочего дня",
    "event.held": "ждёт начала рабочего дня",
    "event.escalated": "руководителю: не взят из чата",
    "event.to_chat": "в чат отдела: менеджер не выбран вовремя",
    "event.to_heads": "руководителю: не приняли несколько раз",
    "event.handed_back": "возвращён из замещения",
    # Vacations
    "vacation.usage": (
        "Отпуск: /vacation 2026-12-01 2026-12-14 или /vacation today 2026-12-14 @заместитель.\n"
        "Руководитель — за любого: /vacation @ivan 2026-12-01 2026-12-14 @olga.\n"
        "Закончить раньше: /vacation end; отменить будущий: /vacation cancel; "
        "все отпуска — /vacations."
    ),
    "vacation.bad_date": "Дата — 2026-12-01, 01.12.2026 или today.",
    "vacation.past": "Отпуск не может начаться в прошлом: первый день — сегодня или позже.",
    "vacation.backwards": "Последний день отпуска раньше первого.",
    "vacation.too_long": "Отпуск — не дольше {days} дней.",
    "vacation.no_deputy": "Заместителя {who} нет в команде.",
    "vacation.self_deputy": "Заместитель — другой человек.",
    "vacation.deputy_away": "Заместитель в эти дни тоже в отпуске: {name}.",
    "vacation.overlap": "Отпуск в эти дни уже есть: {name}. Все отпуска — /vacations.",
    "vacation.deputy": "замещает: {name}",
    "vacation.no_deputy_set": "без заместителя",
    "vacation.started": "🌴 Отпуск начался: {name}, по {last} включительно, {deputy}.",
    "vacation.planned": "🌴 Отпуск запланирован: {name}, с {first} по {last}, {deputy}.",
    "vacation.none_active": "Сейчас не в отпуске: {name}.",
    "vacation.none_planned": "Будущего отпуска нет: {name}.",
    "vacation.ended": "✅ Отпуск закончен: {name} снова получает лиды. Возвращено лидов: {moved}.",
    "vacation.cancelled": "Отпуск отменён: {name}, {first} — {last}.",
    "vacation.not_member": "Вы не в команде отдела.",
    "vacation.no_member": "В команде нет {who}.",
    "vacation.head_only": "Отпуск другому менеджеру ставит руководитель.",
    "vacation.team_started": (
        "🌴 В отпуске по {last}: {name}, {deputy}. Лиды по очереди идут остальным."
    ),
    "vacation.team_ended": "✅ Снова в работе: {name}. Возвращено лидов от заместителя: {moved}.",
    "vacations.empty": "Отпусков нет.",
    "vacations.list": "🌴 <b>Отпуска</b>\n{lines}",
    "vacations.line": "• {name}: {first} — {last}, {deputy}",
    "vacations.line_now": "• сейчас в отпуске — {name}: по {last}, {deputy}",
    "handback.deputy_card": "↩️ Замещение закончено: лид снова ведёт {name}.",
    "handback.deputy": "↩️ Замещение закончено, {name} снова в работе. Переданы обратно: {leads}.",
    # Working hours and duty
    "hours.team": "🕘 Отдел работает: {days}, {hours} ({zone}). В нерабочее время {off}.",
    "hours.own": "• свои часы — {name}: {hours}",
    "hours.hint": (
        "Изменить для отдела: /set work_days mon-fri, /set work_hours 09:00-18:00, "
        "/set timezone Europe/Moscow, /set off_hours hold|duty.\n"
        "Для менеджера: /hours @ivan 10:00-19:00; вернуть часы отдела: /hours @ivan team."
    ),
    "hours.usage": "Часы менеджера: /hours @ivan 10:00-19:00 или /hours @ivan team.",
    "hours.bad": "Часы: 10:00-19:00; часы отдела — team.",
    "hours.done": "🕘 Часы работы — {name}: {hours}.",
    "hours.team_hours": "как у отдела",
    "duty.list": "🌙 Дежурные: {names}.",
    "duty.nobody": "🌙 Дежурных нет.",
    "duty.not_used": (
        "Сейчас в нерабочее время лиды ждут утра; чтобы их получали дежурные — /set off_hours duty."
    ),
    "duty.hint": "Назначить: /duty @ivan on; снять: /duty @ivan off.",
    "duty.usage": "Дежурство: /duty @ivan on или /duty @ivan off.",
    "duty.on": "🌙 Дежурство: {name}.",
    "duty.off": "Дежурство снято: {name}.",
}
