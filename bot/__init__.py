"""Lead distribution bot for sales teams."""
