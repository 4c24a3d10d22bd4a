"""English texts of form links: /source and what a form's lead carries."""

SOURCES: dict[str, str] = {
    # Sources: intake links
    "cmd.source": "A link for a form: /source add name",
    "cmd.sources": "Forms and platforms leads come from",
    "field.more_fields": "The form's other fields",
    "field.files": "Files (not kept)",
    "field.utm_term": "Keyword",
    "field.utm_content": "Ad",
    "field.utm_campaign": "Ad campaign",
    "field.utm_medium": "Ad type",
    "field.utm_source": "Ad source",
    "field.federal": "Federal company",
    "field.brand": "Brand",
    "field.registered_region": "Registered region",
    "source.usage": (
        "Links for forms and ad platforms:\n"
        "• /source add site — a new link; /source add tilda web — with the channel “web”;\n"
        "• /source add vk_ads vk confirm=string secret=key — for VK lead forms (Callback API);\n"
        "• /source del name — delete; /source rotate name — issue a new link;\n"
        "• /sources — every link, its leads and its last error."
    ),
    "source.usage_vk": (
        "VK needs both values from the community's Callback API settings: "
        "/source add vk_ads vk confirm=confirmation_string secret=secret_key"
    ),
    "source.added": (
        "✅ The link for “{name}” (channel: {channel}):\n<code>{link}</code>\n\n"
        "Paste it into the form's settings as the webhook address (Tilda: Site settings → "
        "Forms → Webhook; WordPress: the form plugin's Webhook URL). Leads through it get the "
        "channel unless the form sends its own. The link is a secret: I show it once."
    ),
    "source.added_vk": (
        "✅ The link for VK “{name}” (channel: {channel}):\n<code>{link}</code>\n\n"
        "In VK: Manage community → API usage → Callback API → add a server with this address, "
        "press “Confirm”, then under “Event types” turn on “Lead forms: new lead”. The link is "
        "a secret: I show it once."
    ),
    "source.no_public_url": (
        "⚠️ PUBLIC_URL is not set, so the link points to the bot's local address. Put the line "
        "<code>PUBLIC_URL=https://your-address</code> (where the site reaches the bot) into "
        ".env, restart the bot and issue the link again: /source rotate."
    ),
    "source.no_channel": "none",
    "source.exists": "There is a link named “{name}” already. A new one: /source rotate {name}.",
    "source.bad_name": "The name is one word: letters, digits, dot, dash or _, up to 40.",
    "source.not_found": "There is no link named “{name}”. All links: /sources.",
    "source.deleted": "The link “{name}” is deleted: nothing sent to it is accepted any more.",
    "source.rotated": (
        "🔁 The new link for “{name}”:\n<code>{link}</code>\n\n"
        "The old one no longer works: replace the address in the form's settings."
    ),
    "source.private_only": "Links are secrets: send this command to me in private.",
    "sources.header": "🔗 <b>Where leads come from</b>",
    "sources.empty": "No form links yet. A new one: /source add name.",
    "sources.line": (
        "<b>{name}</b> · channel: {channel}\nleads today: {today}, in 7 days: {week}; last: {last}"
    ),
    "sources.never": "none yet",
    "sources.refused": "⚠️ Last refused request {when}: {why}",
    "board.queue": (
        "🔥 <b>Queue of new leads</b> · waiting: {count}\n"
        "Leads are coming faster than the chat can show them one by one. Tap the button with "
        "a lead's number to take it: the contacts come to your private chat."
    ),
    "board.queue_more": "🔥 <b>Queue of new leads</b> (continued)",
    "board.queue_done": "✅ <b>Queue cleared</b>: new leads come as cards of their own again.",
    "board.digest": "🗒 <b>Digest</b> · new lines are added here",
    "board.digest_private": "🗒 <b>Several updates at once</b>",
    "board.digest_more": "🗒 <b>Digest</b> (continued)",
    "notice.hours_first": (
        "🌙 Lead #{id} waits for the working day ({hours}): the bot hands it to a manager when "
        "the team is at work. Change the hours: /set work_hours, or let the managers on duty "
        "get leads at night: /set off_hours duty."
    ),
    "notice.hours_count": (
        "🌙 Waiting for the working day ({hours}): {count} leads, the latest #{id}. The bot "
        "hands them to managers when the team is at work. Change the hours: /set work_hours, "
        "or let the managers on duty get leads at night: /set off_hours duty."
    ),
    "notice.refused_ours": (
        "⚠️ A message of the bot did not get through ({chat}): {why}. It began:\n{start}"
    ),
}
