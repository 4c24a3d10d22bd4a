"""Russian texts of what became of a lead, for whoever taps a button that no longer
applies, and of a database put back from a copy.

Merged into `ru.MESSAGES`; nothing agrees with a person's gender, names stand in the
nominative after a colon or a dash.
"""

STATE: dict[str, str] = {
    "lead.number": "№{id}",
    # A tap on a button that no longer applies: what happened instead
    "now.won": "Лид №{id} уже закрыт: сделка, {name}, {when}.",
    "now.lost": "Лид №{id} уже закрыт: отказ ({why}), {name}, {when}.",
    "now.taken": "Лид №{id} уже в работе у: {name}, взят {when}.",
    "now.taken_yours": "Лид №{id} уже ваш: взят {when}.",
    "now.offered": "Лид №{id} сейчас предложен другому менеджеру: {name}.",
    "now.offered_yours": "Лид №{id} ждёт вашего ответа: «Принять» или «Вернуть» на карточке.",
    "now.chat": "Лид №{id} ждёт в чате отдела: взять лид можно там.",
    "now.heads": "Лид №{id} ждёт решения руководителя.",
    "now.hours": "Лид №{id} ждёт начала рабочего дня.",
    "now.today": "сегодня в {time}",
    "now.day": "{day} в {time}",
    # A button older than the database (put back from a copy)
    "button.no_lead": (
        "Лида №{id} в базе нет: базу восстановили из копии, сделанной раньше. "
        "Кнопка ничего не изменила."
    ),
    "button.other_lead": (
        "Эта кнопка — от прежнего лида №{id}: базу восстановили из копии, и под этим "
        "номером теперь другой лид. Кнопка ничего не изменила."
    ),
    "button.forged": "Эта кнопка не от этого сообщения: ничего не изменилось.",
    # The heads, at the first start after a restore
    "restore.notice": (
        "♻️ Базу восстановили из копии {copy}.\n"
        "Лидов, пришедших позже копии, в базе больше нет — эти лиды выпали из работы "
        "({count}):\n"
        "{lines}\n"
        "Эти лиды сохранены в прежней базе: {kept}. Их номера не достанутся новым лидам. "
        "Если клиент ждёт ответа, добавьте лид заново: /newlead."
    ),
    "restore.notice_none": (
        "♻️ Базу восстановили из копии {copy}. Все лиды, что были до восстановления, в копии "
        "есть. Прежняя база сохранена: {kept}."
    ),
    "restore.line": "• №{id} — {client}",
    "restore.more": "• …и ещё: {count}",
    "restore.kept_nowhere": "не сохранена",
}
