"""The head's console: a Telegram Mini App served beside the intake (`/app`)."""
