"""Verbs of the visits area: her visitor list (Rule 44), visits (Rules 27, 28, 43), contact
and the reminders that keep it going (Rule 26)."""
