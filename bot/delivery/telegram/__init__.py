"""What delivery knows of Telegram: its failures, markup, reachability and health."""
