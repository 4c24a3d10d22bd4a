"""What goes to Telegram: the outbox, its pictures, the boards and button markup."""
