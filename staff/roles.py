"""Roles as data: declared once here, synced to Groups by `manage.py sync_roles`.

A role grants model permissions (what kind of thing she may read or change). Which women she
may see is a separate question, answered by her facility assignments (see
`prisoners.permissions`). The tiers follow ARCHITECTURE.md section 4.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CASE_READ = (
    "prisoners.view_prisoner",
    "prisoners.view_protectionflags",
    "prisoners.view_facility",
    "prisoners.view_unit",
    "reminders.view_reminder",
    "admissions.view_admission",
    "admissions.view_propertyitem",
    "admissions.view_transfer",
)
WORK_REMINDERS = ("reminders.change_reminder",)
WRITE_CORE_RECORD = (
    "prisoners.add_prisoner",
    "prisoners.change_prisoner",
    "admissions.add_admission",
    "admissions.change_admission",
    "admissions.add_propertyitem",
    "admissions.change_propertyitem",
    "admissions.add_transfer",
)
READ_AUDIT = ("audit.view_auditevent",)
# Rule 4: allocation decisions and their reasons (T2): reception, social workers, governor
# decide; the inspector reads.
DECIDE_ALLOCATION = ("admissions.view_allocation", "admissions.decide_allocation")
READ_ALLOCATION = ("admissions.view_allocation", "admissions.view_familymember")
# Mandela Rule 7(f)(g): her family and contacts (T2), kept by reception and social workers.
KEEP_FAMILY = ("admissions.view_familymember", "admissions.keep_family")
# Rule 3.2: children's identities. Reception enters them; social workers keep them.
ENTER_CHILDREN = ("register.view_child", "register.add_child")
KEEP_CHILDREN = ("register.view_child", "register.add_child", "register.change_child")
# Rule 2.2: her request for a suspension of detention to arrange her children's care, made
# with reception or social workers; the governor and the inspector read that it exists.
KEEP_SUSPENSION = (
    "admissions.view_suspensionrequest",
    "admissions.add_suspensionrequest",
    "admissions.change_suspensionrequest",
)
READ_SUSPENSION = ("admissions.view_suspensionrequest",)
# Rules 6-18, 48-52: the clinical file (T3/T4) is health's alone; an inspector reads it only
# while she consents (health.read_with_consent).
CLINICAL = ("health.read_clinical", "health.record_clinical")
# Rules 7 and 25: safeguarding records: that one exists and its status.
READ_SAFEGUARDING = ("complaints.view_safeguardingrecord",)
MANAGE_ACCOUNTS = (
    "staff.view_user",
    "staff.add_user",
    "staff.change_user",
    "staff.view_trainingrecord",
    "staff.add_trainingrecord",
    "staff.change_trainingrecord",
    "auth.view_group",
    "prisoners.view_facility",
    "prisoners.add_facility",
    "prisoners.change_facility",
    "prisoners.view_unit",
    "prisoners.add_unit",
    "prisoners.change_unit",
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
)


@dataclass(frozen=True)
class Role:
    code: str
    label: str
    description: str
    permissions: tuple[str, ...]
    case_data: bool = True
    """Whether the role works with women's records at all (sysadmin does not)."""
    manages_accounts: bool = False


ROLES: dict[str, Role] = {
    role.code: role
    for role in (
        Role(
            "reception",
            _("Reception officer"),
            _("Admits women, records identity and the rights checklist."),
            CASE_READ
            + WRITE_CORE_RECORD
            + WORK_REMINDERS
            + ENTER_CHILDREN
            + DECIDE_ALLOCATION
            + KEEP_FAMILY
            + KEEP_SUSPENSION,
        ),
        Role(
            "custody",
            _("Custody officer"),
            _("Searches, discipline, restraints and visits."),
            CASE_READ + WORK_REMINDERS,
        ),
        Role(
            "health",
            _("Health staff"),
            _("Entry screening and care; the only role that reads the clinical file."),
            CASE_READ + WORK_REMINDERS + CLINICAL,
        ),
        Role(
            "social",
            _("Social worker"),
            _("Children, family contact and release."),
            CASE_READ
            + WORK_REMINDERS
            + KEEP_CHILDREN
            + DECIDE_ALLOCATION
            + KEEP_FAMILY
            + KEEP_SUSPENSION,
        ),
        Role(
            "safeguarding",
            _("Safeguarding officer"),
            _("Complaints, abuse reports and protection plans."),
            CASE_READ + WORK_REMINDERS + READ_SAFEGUARDING,
        ),
        Role(
            "governor",
            _("Governor"),
            _("Approvals, escalations and oversight of the facility."),
            CASE_READ
            + WRITE_CORE_RECORD
            + WORK_REMINDERS
            + READ_AUDIT
            + DECIDE_ALLOCATION
            + READ_SUSPENSION
            + READ_SAFEGUARDING
            + ("admissions.view_familymember",),
        ),
        Role(
            "inspector",
            _("Independent inspector"),
            _("Reads records to check that the Rules are kept; never writes."),
            CASE_READ
            + READ_AUDIT
            + READ_ALLOCATION
            + READ_SUSPENSION
            + READ_SAFEGUARDING
            + ("health.read_with_consent",),
        ),
        Role(
            "sysadmin",
            _("System administrator"),
            _("Manages staff accounts and facilities; sees no case data."),
            MANAGE_ACCOUNTS,
            case_data=False,
            manages_accounts=True,
        ),
    )
}

ROLE_CHOICES = [(role.code, role.label) for role in ROLES.values()]
