"""What the demonstration (`seed_demo`) schedules: one sample task kind per role."""

from staff.roles import ROLE_CHOICES

DEMO_TASK_KINDS = {role: f"demo.{role}" for role, _label in ROLE_CHOICES}
