"""Russian texts of a lead's card: claiming it, the card itself, a lead added by hand."""

CARDS: dict[str, str] = {
    # Claiming
    "button.claim": "✋ Взять лид",
    "claim.won": "Лид №{id} ваш. Контакты — в личном чате.",
    "claim.taken_by": "Лид уже взят: {name}.",
    "claim.already_yours": "Этот лид уже ваш.",
    "claim.not_member": "Сначала вступите в команду: кнопка «Вступить» или /join в этом чате.",
    # Cards
    "card.title": "🔥 <b>Новый лид №{id}</b>",
    "card.title_closed": "🏁 <b>Лид №{id} закрыт</b>",
    "card.title_former": "📋 <b>Лид №{id}</b>",
    "card.taken": "✅ В работе у: <b>{name}</b>, взят {waited}",
    "card.more_fields": "…и ещё полей: {count}",
    "card.hidden_phone": "📞 скрыт до взятия",
    "card.hidden_email": "✉️ скрыт до взятия",
    "card.hidden_handle": "💬 скрыт до взятия",
    "card.callback": "📞 Заказан обратный звонок: номер получит тот, кто возьмёт лид.",
    "card.contacts_only": "📇 Клиент оставил только контакты: их получит тот, кто возьмёт лид.",
    "card.cut_public": "✂️ Текст обрезан; полный текст получит тот, кто возьмёт лид.",
    "card.cut_owner": "✂️ Текст обрезан; целиком — в следующих сообщениях.",
    "card.full_text": "📄 <b>Лид №{id}</b>, {field} целиком ({part} из {total}):",
    "dm.title": "📋 <b>Лид №{id} — ваш</b>",
    "dm.reason": "Почему вам: {reason}",
    "dm.source": "Источник: {source}",
    "field.name": "Имя",
    "field.phone": "Телефон",
    "field.email": "E-mail",
    "field.company": "Компания",
    "field.tax_id": "ИНН",
    "field.message": "Запрос",
    "field.channel": "Канал",
    "field.industry": "Отрасль",
    "field.region": "Регион",
    "field.product": "Продукт",
    "field.subject": "Тема",
    "field.page": "Страница",
    "field.form": "Форма",
    "field.quiz": "Квиз",
    "field.external_id": "Номер заявки",
    "reason.claimed": "вы нажали «Взять лид» раньше всех в чате отдела",
    "source.http": "форма на сайте",
    "source.command": "добавлен руководителем",
    "source.forward": "пересланное сообщение",
    "duration.in": "через {span}",
    "duration.instant": "сразу",
    # Adding leads by hand
    "newlead.usage": (
        "Напишите после команды текст лида, например:\n"
        "/newlead Иван Петров, ООО Ромашка, +7 912 345-67-89, нужен расчёт"
    ),
    "newlead.created": "Лид №{id} создан и передан на распределение.",
    "newlead.waiting": (
        "Лид №{id} сохранён. Лид появится в чате отдела, как только там отправят /setup."
    ),
    "newlead.empty": "В сообщении нет ни имени, ни телефона, ни e-mail, ни текста: лид не создан.",
    "newlead.not_head": "Добавлять лиды может только руководитель.",
    "forward.not_head": "Пересылать лиды боту может только руководитель.",
}
