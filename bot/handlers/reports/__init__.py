"""Routers of the reports: /stats, /my, /export, /replay."""
