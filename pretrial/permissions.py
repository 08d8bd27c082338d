"""Who keeps and reads the pretrial area (Rules 56-58, 65; Mandela 111-120).

- Her court dates: every role that works with her records reads them (she is out at court,
  or in the video room, that day). Reception, custody officers and social workers enter them;
  reception, custody officers and the governor arrange her escort and record what happened.
- Her lawyer: every such role reads the name and firm. The contact details (telephone, email,
  address) are read by those who arrange her legal visits, calls and hearings: reception,
  custody officers, social workers and the governor; never health or safeguarding staff, nor
  the inspector. Reception and social workers record a lawyer. Her consultations are
  privileged (Mandela 61, 120): nothing of them is recorded here or anywhere.
- Her caretaking information sent before a hearing (Rule 58): social workers send and record
  it; the summary may name her children, so only a role that reads children's identities
  (Rule 3.2) reads it; others read to whom it went and when.
- Her pretrial-safety screen (Rule 56): social workers, safeguarding staff and the governor
  record it and read what it found; others read that it was done and when.

A woman outside the caller's facilities, or a role without the right, is the 404 of a woman
who doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_woman

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

VIEW = "pretrial.view_hearing"
ENTER_HEARING = "pretrial.add_hearing"
RECORD_RESULT = "pretrial.change_hearing"
VIEW_ADVISER = "pretrial.view_legaladviser"
ADD_ADVISER = "pretrial.add_legaladviser"
CHANGE_ADVISER = "pretrial.change_legaladviser"
READ_ADVISER_CONTACT = "pretrial.read_adviser_contact"
SEND_CARETAKING = "pretrial.add_caretakingnotice"
READ_CARETAKING = "register.view_child"  # the summary may name her children (Rule 3.2)
VIEW_SCREEN = "pretrial.view_safetyscreen"
SCREEN = "pretrial.add_safetyscreen"
READ_SCREEN = "pretrial.read_safetyscreen"


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman whose court dates the user reads, else 404."""
    return access_woman(user, uuid, VIEW)


def access_hearing(user: User | AnonymousUser, uuid: UUID | str):
    """One hearing, if the user reads court dates in its woman's facility; else 404."""
    from .models import Hearing

    hearing = Hearing.objects.filter(uuid=uuid).select_related("prisoner", "facility").first()
    if hearing is None:
        raise Http404("No such record in your facilities.")
    hearing.prisoner = access_woman(user, hearing.prisoner.uuid, VIEW)
    return hearing


def access_adviser(user: User | AnonymousUser, uuid: UUID | str):
    from .models import LegalAdviser

    adviser = LegalAdviser.objects.filter(uuid=uuid).select_related("prisoner").first()
    if adviser is None:
        raise Http404("No such record in your facilities.")
    adviser.prisoner = access_woman(user, adviser.prisoner.uuid, VIEW_ADVISER)
    return adviser


def reads_caretaking(user: User | AnonymousUser) -> bool:
    return user.has_perm(READ_CARETAKING) and user.has_perm(VIEW)


def reads_adviser_contact(user: User | AnonymousUser) -> bool:
    return user.has_perm(READ_ADVISER_CONTACT)


def reads_screen(user: User | AnonymousUser) -> bool:
    return user.has_perm(READ_SCREEN)
