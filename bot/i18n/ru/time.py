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
    "setting.claim_escalate": "сообщение руководителю о невзятом лиде (после напоминания)",
    "setting.accept_timeout": "время, чтобы принять лид",
    "setting.max_passes": "сколько раз передать лид по очереди, прежде чем решит руководитель",
    "setting.outcome_remind": "как часто напоминать о лиде без итога",
    "setting.handback": "после отпуска вернуть лиды от заместителя",
    "setting.timezone": "часовой пояс",
    "setting.work_days": "рабочие дни",
    "setting.work_hours": "рабочие часы",
    "setting.off_hours": "лиды в нерабочее время",
    "off_hours.hold": "лиды ждут начала рабочего дня",
    "off_hours.duty": "лиды получают дежурные",
    "setting.digest": "итоги недели руководителям",
    "digest.weekly": "по понедельникам в 09:00",
    "digest.off": "нет",
    "set.bad_duration": (
        "Длительность — число и единица: 30 с, 5 мин, 2 ч, 3 дн (или 1 ч 30 мин), от 1 "
        "секунды до 30 дней; «нет» — выключить."
    ),
    "set.bad_passes": "Число от 1 до 20.",
    "set.bad_timezone": "Часовой пояс — как в базе tz: Europe/Moscow, Asia/Vladivostok, UTC.",
    "set.bad_days": "Дни: пн-пт, пн-сб, пн,ср,пт или «ежедневно».",
    "set.bad_hours": "Часы: 09:00-18:00; весь день — 00:00-24:00.",
    "set.bad_off_hours": (
        "Значение: «ждать» (лиды ждут начала рабочего дня) или «дежурные» (лиды получают дежурные)."
    ),
    "set.bad_digest": "Значение: «еженедельно» или «нет».",
    "settings.button_accept": "ждать {wait}",
    "settings.button_on": "включить: {label}",
    "settings.button_off": "выключить: {label}",
    "weekday.every": "ежедневно",
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
    "escalate.unclaimed": "⏰ Лид №{id} так и не взят из чата за {wait}.",
    "escalate.passes": (
        "⏳ Лид №{id} не принят за {wait}: {name}. Передач по очереди было: {passes} — "
        "дальше решает руководитель."
    ),
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
    "opening.summary_later": "☀️ Отдел снова работает. Лиды за нерабочее время: {count}.\n{lines}",
    "opening.line": "№{id} {client} — {where}",
    "offer.away": "🌴 Вы в отпуске: лид передан дальше.",
    "cause.away": "лид сначала предложили: {name} — начался отпуск",
    "history.away": "у менеджера начался отпуск",
    "cause.timeout": "не принят за {wait}: {name}",
    "history.timeout": "не принят за {wait}",
    "reason.cover_for": "вы замещаете: {name}",
    "reason.handback": "вы снова в работе; лид был у заместителя: {name}",
    "route.held": (
        "Отдел сейчас не работает: лид подождёт начала рабочего дня, руководитель получит сообщение"
    ),
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
    "vacation.bad_date": "Дата — 2026-12-01, 01.12.2026, 01.12 или «сегодня».",
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
    "vacation.deputy_started": (
        "🌴 С сегодняшнего дня вы замещаете: {name}, по {last} включительно. На это время "
        "вам приходят лиды, которые по правилам или как известные клиенты достались бы "
        "отпускнику."
    ),
    "vacation.deputy_rules": "Правила, по которым вам теперь идут лиды: {rules}.",
    "on_vacation.head_decides": (
        "🌴 В отпуске по {last}: {name}, {deputy}. Пока идёт отпуск, руководитель "
        "выбирает из остальных."
    ),
    "on_vacation.first_come": (
        "🌴 В отпуске по {last}: {name}, {deputy}. Лиды в чате отдела, как и раньше, "
        "может взять любой в команде."
    ),
    "on_vacation.least_loaded": (
        "🌴 В отпуске по {last}: {name}, {deputy}. Лиды идут остальным — тем, у кого "
        "меньше всего в работе."
    ),
    "on_vacation.round_robin": (
        "🌴 В отпуске по {last}: {name}, {deputy}. Лиды по очереди идут остальным."
    ),
    "vacation.team_ended": "✅ Снова в работе: {name}. Возвращено лидов от заместителя: {moved}.",
    "vacations.empty": "Отпусков нет.",
    "vacations.list": "🌴 <b>Отпуска</b>\n{lines}",
    "vacations.line": "• {name}: {first} — {last}, {deputy}",
    "vacations.line_now": "• сейчас в отпуске — {name}: по {last}, {deputy}",
    "handback.deputy_card": "↩️ Замещение закончено: лид передан тому, кого вы замещали: {name}.",
    "handback.deputy": (
        "↩️ Замещение закончено, снова в работе: {name}. Лиды, которые вы вели на время "
        "замещения, переданы этому менеджеру: {leads}."
    ),
    # Working hours and duty
    "hours.team": "🕘 Отдел работает: {days}, {hours} ({zone}). В нерабочее время {off}.",
    "hours.own": "• свои часы — {name}: {hours}",
    "hours.hint": (
        "Изменить для отдела: /set work_days пн-пт, /set work_hours 09:00-18:00, /set "
        "timezone Europe/Moscow, /set off_hours дежурные.\n"
        "Для менеджера: /hours @ivan 10:00-19:00; вернуть часы отдела: /hours @ivan "
        "сброс."
    ),
    "hours.usage": "Часы менеджера: /hours @ivan 10:00-19:00 или /hours @ivan сброс.",
    "hours.bad": "Часы: 10:00-19:00; вернуть часы отдела — «сброс».",
    "hours.done": "🕘 Часы работы — {name}: {hours}.",
    "hours.team_hours": "как у отдела",
    "duty.list": "🌙 Дежурные: {names}.",
    "duty.nobody": "🌙 Дежурных нет.",
    "duty.not_used": (
        "Сейчас в нерабочее время лиды ждут начала рабочего дня; чтобы их получали "
        "дежурные — /set off_hours дежурные."
    ),
    "duty.hint": "Назначить: /duty @ivan да; снять: /duty @ivan нет.",
    "duty.usage": "Дежурство: /duty @ivan да или /duty @ivan нет.",
    "duty.on": "🌙 Дежурство: {name}.",
    "duty.off": "Дежурство снято: {name}.",
}
