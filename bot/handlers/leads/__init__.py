"""Routers of a lead's life: new leads by hand or forward, Claim, offers, assignment, views."""
