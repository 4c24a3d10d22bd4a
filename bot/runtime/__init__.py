"""Running the bot: the command line, start and stop, the services wired once, webhook
mode, logging and the set-up check."""
