"""The one path from the database to Telegram."""
