"""Turning what people and web forms send into lead fields, and lead fields into cards."""
