"""What people read: cards, buttons, keyboards, views, reasons and notices, rendered from data."""
