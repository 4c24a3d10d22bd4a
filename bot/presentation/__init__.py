"""What people read: cards, buttons, keyboards, reasons, notices, and what each chat is told
after a lead moved (reactions.py). Rendered from data; nothing here moves a lead."""
