"""Roles as data: declared once here, synced to Groups by `manage.py sync_roles`.

A role grants model permissions (what kind of thing she may read or change). Which women she
may see is a separate question, answered by her facility assignments (see
`facilities.scope`). The tiers follow ARCHITECTURE.md section 4.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CASE_READ = (
    "prisoners.view_prisoner",
    "prisoners.view_protectionflags",
    "facilities.view_facility",
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
# Rules 49, 51.2; Mandela 11: reception (at admission), custody officers and the governor move
# a woman to another unit of her facility.
PLACE_ON_UNITS = ("prisoners.place_on_unit",)
# Rules 25.3, 67-70: the governor and the inspector list a facility's records by period, with
# the counts the Rules say must be zero, case by case.
OVERSEE = ("facilities.oversee_facility",)
# Rule 4: allocation decisions and their reasons (T2): reception, social workers, governor
# decide; the inspector reads.
DECIDE_ALLOCATION = ("admissions.view_allocation", "admissions.decide_allocation")
# Rule 4: a transfer takes effect when a governor of her facility confirms it.
CONFIRM_TRANSFERS = ("admissions.confirm_transfer",)
READ_ALLOCATION = ("admissions.view_allocation", "admissions.view_familymember")
# Mandela Rule 7(f)(g): her family and contacts (T2), kept by reception and social workers.
KEEP_FAMILY = ("admissions.view_familymember", "admissions.keep_family")
# Rule 3.2: children's identities. Reception enters them; social workers keep them.
ENTER_CHILDREN = ("register.view_child", "register.add_child")
KEEP_CHILDREN = ("register.view_child", "register.add_child", "register.change_child")
# Rules 49, 52: the governor and the inspector see, without a child's identity, the children
# living in prison past their review and the separations.
OVERSEE_CHILDREN = ("register.oversee_children",)
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
# Rules 7, 25: any member of staff may take a complaint for her; safeguarding staff deal with
# it and inspectors read it (never a member of staff it names); the governor sees that it
# exists and its status. Safeguarding and the governor review actions held after a report.
LODGE_COMPLAINTS = ("complaints.add_complaint",)
# A breach that happened anyway (Rules 19-24) is written down by any role that writes her
# case records; the governor, the inspector and health staff read them (`breaches`).
RECORD_BREACHES = ("breaches.add_breach",)
READ_BREACHES = ("breaches.view_breach",)
# Rule 5: custody officers issue hygiene items, count the stock, record water interruptions
# and grant the entitlement of a woman who works in the kitchens; the governor also keeps the
# catalogue; health staff grant the entitlements on clinical grounds (read by others as
# "approved by health"); the inspector reads.
KEEP_HYGIENE = (
    "hygiene.view_item",
    "hygiene.view_entitlement",
    "hygiene.add_issue",
    "hygiene.add_stockcheck",
    "hygiene.add_waterinterruption",
    "hygiene.add_entitlement",
)
KEEP_HYGIENE_CATALOGUE = ("hygiene.add_item", "hygiene.change_item")
GRANT_HYGIENE_CLINICAL = (
    "hygiene.view_entitlement",
    "hygiene.add_entitlement",
    "hygiene.grant_clinical_entitlement",
)
READ_HYGIENE = ("hygiene.view_item", "hygiene.view_entitlement")
# Rule 42; Mandela 23, 44: custody officers and the governor keep the facility's activities,
# give women places on them, record attendance and each day's time out of cell; social
# workers give places on programmes and family activities; the governor alone reviews a day
# of de facto solitary confinement. Regime is not confidential: health staff and the
# inspector read it.
READ_REGIME = ("regime.view_activity",)
KEEP_REGIME = READ_REGIME + (
    "regime.add_activity",
    "regime.change_activity",
    "regime.add_allocation",
    "regime.allocate_any",
    "regime.change_allocation",
    "regime.add_attendance",
    "regime.add_timeoutofcell",
    "regime.change_timeoutofcell",
)
# Rules 36-39: reception, social workers and the governor record that a girl's parent or
# guardian was told of her admission, transfer or release; safeguarding staff and the inspector
# read it (girls.permissions).
READ_GIRLS = ("girls.view_guardiannotice",)
KEEP_GIRLS = READ_GIRLS + ("girls.add_guardiannotice",)
# Rules 56-58, 65; Mandela 111-120 (pretrial): every role that works with her records reads
# her court dates, her lawyer's name and that her pretrial-safety screen was done; reception,
# custody officers and social workers enter court dates; reception, custody officers and the
# governor arrange the escort and record what happened; reception and social workers record
# her lawyer; reception, custody officers, social workers and the governor read the lawyer's
# contact details (they arrange her legal visits, calls and hearings), never health or
# safeguarding staff nor the inspector; social workers send her caretaking information (its
# summary read only by a role that reads children's identities); social workers, safeguarding
# staff and the governor screen her for the risk of abuse (Rule 56) and read what it found.
READ_PRETRIAL = (
    "pretrial.view_hearing",
    "pretrial.view_legaladviser",
    "pretrial.view_safetyscreen",
    "pretrial.view_caretakingnotice",
)
ADVISER_CONTACT = ("pretrial.read_adviser_contact",)
ENTER_HEARINGS = ("pretrial.add_hearing",)
RECORD_HEARINGS = ("pretrial.change_hearing",)
KEEP_ADVISERS = ("pretrial.add_legaladviser", "pretrial.change_legaladviser")
SEND_CARETAKING = ("pretrial.add_caretakingnotice",)
SCREEN_PRETRIAL = ("pretrial.add_safetyscreen", "pretrial.read_safetyscreen")
# Havana r. 19: the governor seals a released girl's records at once, lists the sealed records
# of her facilities (without anyone's identity), opens one on a recorded legal basis and decides
# whether a woman admitted is the person of one (girls.permissions).
SEAL_GIRLS_RECORDS = (
    "girls.add_sealedrecord",
    "girls.view_sealedrecord",
    "girls.add_opening",
    "girls.add_matchdecision",
)
# Rule 8; RULES-SPEC 1, T4: custody officers and the governor, who may not read her clinical
# file, open its emergency part by break-glass with a reason; health staff and the governor
# review each access (never their own) and, with the inspector, list them (breakglass).
BREAK_GLASS = ("breakglass.add_access",)
REVIEW_BREAK_GLASS = ("breakglass.view_access", "breakglass.add_review")
READ_BREAK_GLASS = ("breakglass.view_access",)
PLACE_ON_PROGRAMMES = READ_REGIME + ("regime.add_allocation", "regime.change_allocation")
REVIEW_SOLITARY = ("regime.add_solitaryreview",)
DEAL_WITH_COMPLAINTS = (
    "complaints.view_complaint",
    "complaints.change_complaint",
    "complaints.view_protectionplan",
    "complaints.view_heldaction",
    "complaints.review_held_action",
)
GOVERN_COMPLAINTS = (
    "complaints.view_complaint_status",
    "complaints.view_heldaction",
    "complaints.review_held_action",
)
READ_COMPLAINTS = (
    "complaints.view_complaint",
    "complaints.view_complaint_status",
    "complaints.view_protectionplan",
    "complaints.view_heldaction",
)
# Rules 19-21: custody officers record searches; the governor and the inspector read them,
# and the training records that say who may search.
RECORD_SEARCHES = ("searches.view_search", "searches.add_search")
READ_SEARCHES = ("searches.view_search", "staff.view_trainingrecord")
AUTHORISE_SEARCHES = ("searches.authorise_search",)
# Rules 22, 23: custody officers lay charges and record a segregation the governor
# authorises; the governor hears charges, decides sanctions, segregation and contact
# restrictions; health staff visit a segregated woman every day.
LAY_CHARGES = (
    "discipline.view_charge",
    "discipline.add_charge",
    "discipline.view_sanction",
    "discipline.view_segregation",
    "discipline.add_segregation",
    "discipline.view_contactrestriction",
)
ADJUDICATE = (
    "discipline.view_charge",
    "discipline.view_sanction",
    "discipline.view_segregation",
    "discipline.view_contactrestriction",
    "discipline.adjudicate",
    "discipline.add_contactrestriction",
)
VISIT_SEGREGATION = ("discipline.view_segregation", "discipline.record_segregation_visit")
READ_DISCIPLINE = (
    "discipline.view_charge",
    "discipline.view_sanction",
    "discipline.view_segregation",
    "discipline.view_contactrestriction",
)
READ_CONTACT_RESTRICTIONS = ("discipline.view_contactrestriction",)
# Rule 24: custody officers apply, review and remove restraints; the governor authorises;
# health staff approve the least restrictive method for a woman who needs their approval.
APPLY_RESTRAINTS = (
    "restraints.view_restraint",
    "restraints.add_restraint",
    "restraints.change_restraint",
)
AUTHORISE_RESTRAINTS = ("restraints.view_restraint", "restraints.authorise_restraint")
APPROVE_RESTRAINT_METHOD = ("restraints.view_restraint", "restraints.approve_method")
READ_RESTRAINTS = ("restraints.view_restraint",)
# Rules 24, 31; Mandela 82: custody officers record each use of force; health staff check her
# after it; the governor reviews it; the inspector reads it all (the health check's findings
# only as her clinical file allows).
RECORD_FORCE = ("force.view_useofforce", "force.add_useofforce")
CHECK_AFTER_FORCE = ("force.view_useofforce", "force.add_forcehealthcheck")
REVIEW_FORCE = ("force.view_useofforce", "force.view_forcereview", "force.review_force")
READ_FORCE = ("force.view_useofforce", "force.view_forcereview")
# Rules 8, 40, 41: social workers and the governor classify her and review it; reception and
# custody read her level and the reasons she is told; social workers, the governor,
# health staff and the inspector read the tool's risk factors and the reasons for a higher
# level; only social workers, the governor and health staff read her needs (T2).
SEE_CLASSIFICATION = ("classification.view_classification",)
READ_CLASSIFICATION = SEE_CLASSIFICATION + ("classification.read_assessment",)
READ_CLASSIFICATION_NEEDS = READ_CLASSIFICATION + ("classification.read_needs",)
CLASSIFY = READ_CLASSIFICATION_NEEDS + ("classification.add_classification",)
# Rules 12, 13, 16, 35: any member of staff of her facility who is concerned opens a self-harm
# case; the teams who work with her (custody, health, social, safeguarding, the governor) read
# it, assess (with their Rule 35 training), review and check it; reception opens one and,
# like the inspector, sees only that a case is open and its dates, never its texts. Custody
# and health staff record an incident; its clinical part is health's alone (Rule 8).
SEE_SELFHARM = ("selfharm.view_case",)
OPEN_SELFHARM = SEE_SELFHARM + ("selfharm.add_case",)
WORK_SELFHARM = OPEN_SELFHARM + (
    "selfharm.read_case",
    "selfharm.add_assessment",
    "selfharm.add_review",
    "selfharm.add_closurecheck",
)
RECORD_SELFHARM_INCIDENT = ("selfharm.add_selfharmincident",)
# Rules 25.1, 31, 42.4; Mandela 1, 5.2: any member of staff of her facility records an incident
# between women and a concern her family raised, and reads incidents whole (the other women
# involved, the account); the inspector sees that they exist, their kind and dates, never who
# else was involved nor what happened. Safeguarding staff, social workers and the governor
# make and review support plans and management; safeguarding staff and the governor triage
# her family's concerns, which social workers also read; social workers, health staff,
# safeguarding staff and the governor record and review a social-care need. Health staff
# alone record and read the injuries of an incident (Rule 8).
SEE_SAFEGUARDING = ("safeguarding.view_incident",)
RECORD_SAFEGUARDING = SEE_SAFEGUARDING + (
    "safeguarding.read_incident",
    "safeguarding.add_incident",
    "safeguarding.add_familyconcern",
)
CARE_NEEDS = ("safeguarding.add_careneed", "safeguarding.add_carereview")
PLAN_SAFEGUARDING = (
    RECORD_SAFEGUARDING
    + CARE_NEEDS
    + (
        "safeguarding.change_plan",
        "safeguarding.view_familyconcern",
    )
)
TRIAGE_CONCERNS = ("safeguarding.change_familyconcern",)
# Rules 26-28, 43, 44: her visitor list (T2) is kept with her by social workers (reception
# may start it at admission); custody officers book and record visits with the visitors she
# approved (their names only); the governor and the inspector read.
KEEP_VISITORS = (
    "visits.view_visitor",
    "visits.add_visitor",
    "visits.change_visitor",
    "visits.view_visit",
    "visits.add_visit",
    "visits.change_visit",
    "visits.view_contact",
    "visits.add_contact",
)
START_VISITORS = ("visits.view_visitor", "visits.add_visitor")
BOOK_VISITS = (
    "visits.view_approved_visitors",
    "visits.view_visit",
    "visits.add_visit",
    "visits.change_visit",
    "visits.view_contact",
    "visits.add_contact",
)
READ_VISITS = ("visits.view_visitor", "visits.view_visit", "visits.view_contact")
# Rules 45, 59, 63, 64: social workers record her requests for leave, review her eligibility,
# prepare her parole review and review non-custodial options; the governor decides leave;
# custody record her requests and her return; protective custody is recorded at her request
# by social workers or the governor, and her withdrawal by anyone who hears it; her transfer
# home (Rule 53.1) is considered by social workers, its decision recorded by the governor.
READ_PAROLE = (
    "parole.view_leaverequest",
    "parole.view_parolereview",
    "parole.view_protectivecustody",
    "parole.view_hometransfer",
)
KEEP_PAROLE = READ_PAROLE + (
    "parole.add_leaverequest",
    "parole.change_leaverequest",
    "parole.add_eligibilityreview",
    "parole.add_parolereview",
    "parole.change_parolereview",
    "parole.add_noncustodialreview",
    "parole.add_protectivecustody",
    "parole.change_protectivecustody",
    "parole.add_custodyreview",
    "parole.add_hometransfer",
    "parole.change_hometransfer",
)
CUSTODY_PAROLE = (
    "parole.view_leaverequest",
    "parole.add_leaverequest",
    "parole.change_leaverequest",
    "parole.view_protectivecustody",
    "parole.change_protectivecustody",
)
DECIDE_PAROLE = READ_PAROLE + (
    "parole.decide_leave",
    "parole.decide_home_transfer",
    "parole.change_hometransfer",
    "parole.add_protectivecustody",
    "parole.change_protectivecustody",
    "parole.add_custodyreview",
)
# Rules 45-47, 55; Mandela 9: social workers record her earliest release date and keep her
# release plan; reception and the governor release her, with her copy of her records; health
# staff read the plan's statuses and keep its health part (the clinical permissions).
READ_RELEASE = ("release.view_releaseplan",)
KEEP_RELEASE = READ_RELEASE + ("release.keep_plan", "release.record_release_date")
RELEASE_HER = READ_RELEASE + (
    "release.record_release_date",
    "release.clear_release",
    "release.hand_over_copy",
)
# Rules 54, 55; Mandela 2, 65, 66: social workers record, with her consent and in her words,
# what she says of herself, and keep her faith needs and the visits of representatives of her
# faith; health staff read only her disability answer and the adjustments she asks for; the
# governor reads her faith needs, arranges the visits and keeps the facility's representatives.
# Custody, reception and safeguarding read none of it (never used for security); the governor
# and the inspector see outcomes by group, aggregate and suppressed.
KEEP_EQUALITY = (
    "equality.view_characteristics",
    "equality.add_characteristics",
    "equality.read_adjustments",
    "equality.view_faithneed",
    "equality.add_faithneed",
    "equality.view_faithvisit",
    "equality.add_faithvisit",
    "equality.change_faithvisit",
    "equality.view_representative",
)
READ_ADJUSTMENTS = ("equality.read_adjustments",)
PROVIDE_FOR_FAITH = (
    "equality.view_faithneed",
    "equality.view_faithvisit",
    "equality.add_faithvisit",
    "equality.change_faithvisit",
    "equality.view_representative",
    "equality.add_representative",
    "equality.change_representative",
)
OVERSEE_EQUALITY = ("equality.oversee_outcomes",)
READ_FAITH_PROVISION = ("equality.view_representative",)
# Rule 25.3: the inspector plans her visits to her facilities, with their team, draws the sample
# of women whose cases she reviews, and records findings and recommendations; she writes no
# case record of any area. The governor reads the visits of her facilities and answers each
# recommendation with an action plan and its follow-ups, and nothing else of them.
INSPECT = (
    "inspections.view_visit",
    "inspections.add_visit",
    "inspections.change_visit",
    "inspections.add_sample",
    "inspections.change_sampledwoman",
    "inspections.add_finding",
    "inspections.change_finding",
    "inspections.add_recommendation",
    "inspections.change_recommendation",
)
ANSWER_INSPECTIONS = (
    "inspections.view_visit",
    "inspections.add_actionplan",
    "inspections.change_actionplan",
    "inspections.add_followup",
)
MANAGE_ACCOUNTS = (
    "staff.view_user",
    "staff.add_user",
    "staff.change_user",
    # Training is recorded by whoever delivered it and confirmed by a governor: the
    # account manager reads it, and every change of access asked for and decided.
    "staff.view_trainingrecord",
    "staff.view_accesschange",
    "auth.view_group",
    "facilities.view_facility",
    "facilities.add_facility",
    "facilities.change_facility",
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
    works_with_women: bool = True
    """Whether she is prison staff assigned to work with women prisoners (Rule 33.1): not the
    inspector, who visits, nor the account manager."""


ROLES: dict[str, Role] = {
    role.code: role
    for role in (
        Role(
            "reception",
            _("Reception officer"),
            _("Admits women, records identity and the rights checklist."),
            CASE_READ
            + WRITE_CORE_RECORD
            + PLACE_ON_UNITS
            + WORK_REMINDERS
            + ENTER_CHILDREN
            + DECIDE_ALLOCATION
            + KEEP_FAMILY
            + KEEP_SUSPENSION
            + START_VISITORS
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + OPEN_SELFHARM
            + RECORD_SAFEGUARDING
            + RELEASE_HER
            + SEE_CLASSIFICATION
            + KEEP_GIRLS
            + READ_PRETRIAL
            + ENTER_HEARINGS
            + RECORD_HEARINGS
            + KEEP_ADVISERS
            + ADVISER_CONTACT,
        ),
        Role(
            "custody",
            _("Custody officer"),
            _("Searches, discipline, restraints and visits."),
            CASE_READ
            + PLACE_ON_UNITS
            + WORK_REMINDERS
            + RECORD_SEARCHES
            + LAY_CHARGES
            + APPLY_RESTRAINTS
            + RECORD_FORCE
            + SEE_CLASSIFICATION
            + WORK_SELFHARM
            + RECORD_SELFHARM_INCIDENT
            + BOOK_VISITS
            + CUSTODY_PAROLE
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + KEEP_HYGIENE
            + KEEP_REGIME
            + RECORD_SAFEGUARDING
            + READ_PRETRIAL
            + ENTER_HEARINGS
            + RECORD_HEARINGS
            + ADVISER_CONTACT
            + BREAK_GLASS,
        ),
        Role(
            "health",
            _("Health staff"),
            _("Entry screening and care; the only role that reads the clinical file."),
            CASE_READ
            + WORK_REMINDERS
            + CLINICAL
            + VISIT_SEGREGATION
            + APPROVE_RESTRAINT_METHOD
            + CHECK_AFTER_FORCE
            + READ_CLASSIFICATION_NEEDS
            + WORK_SELFHARM
            + RECORD_SELFHARM_INCIDENT
            + ("selfharm.add_incidentclinical",)
            + READ_BREACHES
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + READ_RELEASE
            + GRANT_HYGIENE_CLINICAL
            + READ_REGIME
            + READ_ADJUSTMENTS
            + RECORD_SAFEGUARDING
            + CARE_NEEDS
            + ("safeguarding.add_injuries",)
            + READ_PRETRIAL
            + REVIEW_BREAK_GLASS,
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
            + KEEP_SUSPENSION
            + READ_CONTACT_RESTRICTIONS
            + KEEP_VISITORS
            + KEEP_PAROLE
            + CLASSIFY
            + WORK_SELFHARM
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + KEEP_RELEASE
            + PLACE_ON_PROGRAMMES
            + KEEP_GIRLS
            + KEEP_EQUALITY
            + PLAN_SAFEGUARDING
            + READ_PRETRIAL
            + ENTER_HEARINGS
            + KEEP_ADVISERS
            + ADVISER_CONTACT
            + SEND_CARETAKING
            + SCREEN_PRETRIAL,
        ),
        Role(
            "safeguarding",
            _("Safeguarding officer"),
            _("Complaints, abuse reports and protection plans."),
            CASE_READ
            + WORK_REMINDERS
            + READ_SAFEGUARDING
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + WORK_SELFHARM
            + DEAL_WITH_COMPLAINTS
            + READ_RELEASE
            + READ_GIRLS
            + PLAN_SAFEGUARDING
            + TRIAGE_CONCERNS
            + READ_PRETRIAL
            + SCREEN_PRETRIAL,
        ),
        Role(
            "governor",
            _("Governor"),
            _("Approvals, escalations and oversight of the facility."),
            CASE_READ
            + WRITE_CORE_RECORD
            + PLACE_ON_UNITS
            + WORK_REMINDERS
            + READ_AUDIT
            + DECIDE_ALLOCATION
            + CONFIRM_TRANSFERS
            + READ_SUSPENSION
            + READ_SAFEGUARDING
            + ("admissions.view_familymember",)
            + OVERSEE
            + OVERSEE_CHILDREN
            + READ_SEARCHES
            + AUTHORISE_SEARCHES
            + ADJUDICATE
            + AUTHORISE_RESTRAINTS
            + REVIEW_FORCE
            + CLASSIFY
            + WORK_SELFHARM
            + READ_BREACHES
            + READ_VISITS
            + DECIDE_PAROLE
            + LODGE_COMPLAINTS
            + RECORD_BREACHES
            + GOVERN_COMPLAINTS
            + RELEASE_HER
            + KEEP_HYGIENE
            + KEEP_HYGIENE_CATALOGUE
            + KEEP_REGIME
            + REVIEW_SOLITARY
            + KEEP_GIRLS
            + SEAL_GIRLS_RECORDS
            + PROVIDE_FOR_FAITH
            + OVERSEE_EQUALITY
            + PLAN_SAFEGUARDING
            + TRIAGE_CONCERNS
            + READ_PRETRIAL
            + RECORD_HEARINGS
            + ADVISER_CONTACT
            + SCREEN_PRETRIAL
            + ANSWER_INSPECTIONS
            + BREAK_GLASS
            + REVIEW_BREAK_GLASS,
        ),
        Role(
            "inspector",
            _("Independent inspector"),
            _("Reads records to check that the Rules are kept; writes only her inspections."),
            CASE_READ
            + READ_AUDIT
            + READ_ALLOCATION
            + READ_SUSPENSION
            + READ_SAFEGUARDING
            + ("health.read_with_consent",)
            + OVERSEE
            + OVERSEE_CHILDREN
            + READ_SEARCHES
            + READ_DISCIPLINE
            + READ_RESTRAINTS
            + READ_FORCE
            + READ_CLASSIFICATION
            + SEE_SELFHARM
            + READ_BREACHES
            + READ_VISITS
            + READ_PAROLE
            + READ_COMPLAINTS
            + READ_RELEASE
            + READ_HYGIENE
            + READ_REGIME
            + READ_GIRLS
            + READ_FAITH_PROVISION
            + OVERSEE_EQUALITY
            + SEE_SAFEGUARDING
            + READ_PRETRIAL
            + INSPECT
            + READ_BREAK_GLASS,
            works_with_women=False,
        ),
        Role(
            "sysadmin",
            _("System administrator"),
            _("Manages staff accounts and facilities; sees no case data."),
            MANAGE_ACCOUNTS,
            case_data=False,
            manages_accounts=True,
            works_with_women=False,
        ),
    )
}

ROLE_CHOICES = [(role.code, role.label) for role in ROLES.values()]
