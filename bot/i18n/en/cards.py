"""English texts of a lead's card: claiming it, the card itself, a lead added by hand."""

CARDS: dict[str, str] = {
    # Claiming
    "button.claim": "✋ Claim",
    "claim.won": "Lead #{id} is yours. Contacts are in your private chat.",
    "claim.taken_by": "Already taken by {name}.",
    "claim.already_yours": "This lead is already yours.",
    "claim.not_member": "Join the team first: tap “Join” or send /join in this chat.",
    # Cards
    "card.title": "🔥 <b>New lead #{id}</b>",
    "card.title_closed": "🏁 <b>Lead #{id} is closed</b>",
    "card.title_former": "📋 <b>Lead #{id}</b>",
    "card.taken": "✅ Taken by <b>{name}</b> {waited}",
    "card.more_fields": "…and {count} more fields",
    "card.hidden_phone": "📞 hidden until claimed",
    "card.hidden_email": "✉️ hidden until claimed",
    "card.hidden_handle": "💬 hidden until claimed",
    "card.callback": "📞 A call-back request: whoever claims the lead gets the number.",
    "card.contacts_only": "📇 The client left contacts only: whoever claims the lead gets them.",
    "card.cut_public": "✂️ The text is cut; whoever claims the lead gets all of it.",
    "card.cut_owner": "✂️ The text is cut; all of it follows in the next messages.",
    "card.full_text": "📄 <b>Lead #{id}</b>, the whole {field} ({part} of {total}):",
    "dm.title": "📋 <b>Lead #{id} is yours</b>",
    "dm.reason": "Why you: {reason}",
    "dm.source": "Source: {source}",
    "field.name": "Name",
    "field.phone": "Phone",
    "field.email": "E-mail",
    "field.company": "Company",
    "field.tax_id": "Tax id",
    "field.message": "Request",
    "field.channel": "Channel",
    "field.industry": "Industry",
    "field.region": "Region",
    "field.product": "Product",
    "field.subject": "Subject",
    "field.page": "Page",
    "field.form": "Form",
    "field.quiz": "Quiz",
    "field.external_id": "Form entry",
    "reason.claimed": "you tapped “Claim” before anyone else in the team chat",
    "source.http": "website form",
    "source.command": "added by the head of sales",
    "source.forward": "forwarded message",
    "duration.in": "in {span}",
    "duration.instant": "at once",
    # Adding leads by hand
    "newlead.usage": (
        "Write the lead after the command, for example:\n"
        "/newlead John Smith, Acme Ltd, +44 20 7946 0958, needs a quote"
    ),
    "newlead.created": "Lead #{id} created and handed to distribution.",
    "newlead.waiting": (
        "Lead #{id} saved. It will appear in the team chat once /setup is sent there."
    ),
    "newlead.empty": "The message has no name, phone, e-mail or text: no lead created.",
    "newlead.not_head": "Only the head of sales can add leads.",
    "forward.not_head": "Only the head of sales can forward leads to the bot.",
}
