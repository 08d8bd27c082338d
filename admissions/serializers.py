"""What the admission API reads and writes (Mandela Rules 7 and 67; Bangkok Rules 2.1, 2.2
and 4).

The input serializers check the shape of a request as the admission forms do; the services
check the role and the Rules. Output fields a role may not see are absent, not blank: such
fields are declared `required=False` (not `read_only`) so the schema marks them optional.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok.api_fields import (
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    StrictModelSerializer,
)
from bangkok.plausible import validate_birth_date, validate_past_date
from facilities.models import Facility
from facilities.scope import facilities_of
from prisoners.models import GenderIdentity, LegalStatus
from prisoners.permissions import access_prisoner

from .models import (
    Admission,
    Allocation,
    CourtOutcome,
    Decision,
    FamilyMember,
    Kept,
    Outcome,
    PropertyItem,
    RightsItem,
    SuspensionRequest,
)

COUNTRY = serializers.RegexField(
    r"^[A-Za-z]{2}$", error_messages={"invalid": _("A two-letter country code, e.g. TH.")}
)
LANGUAGE = serializers.RegexField(
    r"^[A-Za-z]{2,3}$", error_messages={"invalid": _("A language code, e.g. my or th.")}
)


class FacilityCodeField(serializers.SlugRelatedField):
    """A facility by its code. A code is a string; one that isn't (or holds a NUL, which
    PostgreSQL refuses) is invalid input, not a lookup."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Facility.objects.all())
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


def _caller(serializer):
    request = serializer.context.get("request")
    return request.user if request is not None else None


class IdentitySerializer(serializers.Serializer):
    """Her identity, respecting her self-perceived gender (Mandela Rule 7(a)). No prison
    number: the admission gives her the next in the facility's series."""

    given_names = StrictCharField(max_length=200)
    family_name = StrictCharField(max_length=200)
    aliases = serializers.ListField(
        child=StrictCharField(max_length=200), required=False, default=list
    )
    date_of_birth = serializers.DateField(validators=[validate_birth_date])
    gender_identity = serializers.ChoiceField(choices=GenderIdentity.choices)
    gender_self_description = StrictCharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    nationalities = serializers.ListField(
        child=COUNTRY, min_length=1, help_text=_("Country codes, e.g. TH, MM.")
    )
    languages = serializers.ListField(
        child=LANGUAGE,
        min_length=1,
        help_text=_("Language codes, the one she prefers first, e.g. my, th."),
    )
    legal_status = serializers.ChoiceField(choices=LegalStatus.choices)

    def validate_nationalities(self, value):
        return [code.upper() for code in value]

    def validate_languages(self, value):
        return [code.lower() for code in value]


class AdmitSerializer(serializers.Serializer):
    """A woman received into custody on a commitment order (Mandela Rule 7(b)): a new woman
    with her `identity`, or a returning one by her record's id (`returning`)."""

    facility = FacilityCodeField(
        queryset=Facility.objects.none(),
        required=False,
        help_text=_("The code of the facility she is received into; optional if you work in one."),
        error_messages={"does_not_exist": _("You don't work in a facility with this code.")},
    )
    identity = IdentitySerializer(required=False)
    returning = serializers.UUIDField(
        required=False, help_text=_("Her existing record, when she has been here before.")
    )
    order_authority = StrictCharField(max_length=200)
    order_legal_basis = StrictCharField(max_length=300)
    order_number = StrictCharField(max_length=100)
    order_date = serializers.DateField(validators=[validate_past_date])
    arrested_at = serializers.DateTimeField()
    arrest_place = StrictCharField(max_length=200)
    admitted_at = serializers.DateTimeField(
        required=False, help_text=_("When she was received; now if not given.")
    )
    received_from = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    interpreter_needed = StrictBooleanField(required=False, default=False)
    injuries_noted = StrictBooleanField(
        required=False,
        default=False,
        help_text=_("Visible injuries or complaints of prior ill-treatment were noted."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = _caller(self)
        if user is not None:
            self.fields["facility"].queryset = facilities_of(user)

    def validate_returning(self, value):
        try:
            return access_prisoner(_caller(self), value)
        except Http404 as exc:
            raise serializers.ValidationError(_("No such woman in your facilities.")) from exc

    def validate(self, data):
        if ("identity" in data) == ("returning" in data):
            raise serializers.ValidationError(
                {"identity": _("Give her identity, or confirm her existing record (returning).")}
            )
        if "facility" not in data:
            facilities = list(self.fields["facility"].queryset[:2])
            if len(facilities) != 1:
                raise serializers.ValidationError(
                    {"facility": _("Choose the facility she is received into.")}
                )
            data["facility"] = facilities[0]
        return data


class WomanSummarySerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    prison_number = serializers.CharField(read_only=True)
    given_names = serializers.CharField(read_only=True)
    family_name = serializers.CharField(read_only=True)


class ReturningWomanSerializer(WomanSummarySerializer):
    """Enough to confirm that the woman on record is the one arriving."""

    date_of_birth = serializers.DateField(read_only=True)
    custody_status = serializers.CharField(read_only=True)
    facility = serializers.CharField(source="facility.code", read_only=True)


@extend_schema_field(
    {
        "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "enum": [""]}],
        "description": "A date (YYYY-MM-DD); empty for none, as on the page's form.",
    }
)
class OptionalDateField(serializers.DateField):
    """A query's date that may be left empty."""


class FindReturningSerializer(serializers.Serializer):
    given_names = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    family_name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    date_of_birth = OptionalDateField(required=False, default=None)
    prison_number = StrictCharField(max_length=20, required=False, allow_blank=True, default="")


class AdmissionSerializer(serializers.ModelSerializer):
    """One episode, as the list shows it."""

    woman = WomanSummarySerializer(source="prisoner", read_only=True)
    facility = serializers.CharField(source="facility.code", read_only=True)

    class Meta:
        model = Admission
        fields = ["uuid", "version", "woman", "facility", "stage", "admitted_at", "completed_at"]
        read_only_fields = fields


class RightsAnswerSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices, read_only=True)
    language = serializers.CharField(read_only=True)
    offered_at = serializers.DateTimeField(read_only=True)
    note = serializers.CharField(
        required=False, help_text=_("Only for those who admit her (reception, the governor).")
    )

    def to_representation(self, offer):
        data = super().to_representation(offer)
        if not self.context.get("admits"):
            data.pop("note")
        return data


class ChecklistItemSerializer(serializers.Serializer):
    """One right of Rule 2.1 and her answer, or null while it is not yet offered."""

    item = serializers.ChoiceField(choices=RightsItem.choices, read_only=True)
    label = serializers.CharField(read_only=True)
    answer = RightsAnswerSerializer(read_only=True, allow_null=True)


class AllocationSerializer(serializers.ModelSerializer):
    facility = serializers.CharField(source="facility.code", read_only=True)
    nearest = serializers.CharField(source="nearest.code", read_only=True, allow_null=True)
    preference = serializers.CharField(source="preference.code", read_only=True, allow_null=True)
    departs_from_nearest = serializers.BooleanField(read_only=True)
    against_preference = serializers.BooleanField(read_only=True)

    class Meta:
        model = Allocation
        fields = [
            "uuid",
            "facility",
            "distance_km",
            "nearest",
            "nearest_km",
            "preference",
            "departs_from_nearest",
            "against_preference",
            "caretaking",
            "programmes_needed",
            "reason",
            "decided_at",
        ]
        read_only_fields = fields


class DistanceSerializer(serializers.Serializer):
    facility = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    km = serializers.FloatField(read_only=True)


class MoveSerializer(serializers.Serializer):
    """A transfer between facilities on the episode (Mandela Rule 7(c)), by facility code."""

    moved_at = serializers.DateTimeField(read_only=True)
    from_facility = serializers.CharField(source="from_facility.code", read_only=True)
    to = serializers.CharField(source="to_facility.code", read_only=True)

    def get_fields(self):
        # `from` is a Python keyword, so the field is declared under another name.
        fields = super().get_fields()
        return {
            "moved_at": fields["moved_at"],
            "from": fields["from_facility"],
            "to": fields["to"],
            **{
                name: field
                for name, field in fields.items()
                if name not in {"moved_at", "from_facility", "to"}
            },
        }


class PendingTransferSerializer(serializers.Serializer):
    """A transfer proposed, awaiting a governor's confirmation (Rule 4)."""

    uuid = serializers.UUIDField(read_only=True)
    from_facility = serializers.CharField(source="facility.code", read_only=True)
    to = serializers.CharField(source="to_facility.code", read_only=True)
    status = serializers.CharField(read_only=True)

    def get_fields(self):
        # `from` is a Python keyword, so the field is declared under another name.
        fields = super().get_fields()
        return {
            "uuid": fields["uuid"],
            "from": fields["from_facility"],
            "to": fields["to"],
            "status": fields["status"],
        }


class CourtOutcomeSerializer(serializers.ModelSerializer):
    """A court's decision that changed her legal status during the episode."""

    admission = serializers.UUIDField(source="admission.uuid", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)

    class Meta:
        model = CourtOutcome
        fields = [
            "uuid",
            "admission",
            "from_status",
            "to_status",
            "decided_on",
            "court",
            "reference",
            "sentence",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = fields


class CourtOutcomeInput(serializers.Serializer):
    legal_status = serializers.ChoiceField(choices=LegalStatus.choices)
    decided_on = serializers.DateField()
    court = StrictCharField(max_length=200)
    reference = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    sentence = StrictCharField(
        max_length=300,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Required when she is sentenced: as the court gave it."),
    )


class AdmissionDetailSerializer(AdmissionSerializer):
    """The episode: commitment order and rights checklist; whether injuries were noted, for
    those who admit her; the allocation decision and distances from home, for those who read
    allocations (Rule 4); her transfers, release and whether she signed the inventory of her
    property (Mandela Rules 7 and 67).

    The view reads these through the services and passes them in the context: `checklist`,
    `admits` (the viewer admits women), `show_allocation`, `allocation`, `distances`,
    `transfers`.
    """

    checklist = serializers.SerializerMethodField()
    transfers = serializers.SerializerMethodField(
        help_text=_("Her moves between facilities on this episode, latest first.")
    )
    pending_transfers = serializers.SerializerMethodField(
        help_text=_("Transfers proposed on this episode, awaiting a governor's confirmation.")
    )
    court_outcomes = serializers.SerializerMethodField(
        help_text=_("The courts' decisions that changed her legal status, latest first.")
    )
    injuries_noted = serializers.BooleanField(
        required=False,
        help_text=_(
            "Visible injuries or complaints of prior ill-treatment were noted; only for those "
            "who admit her."
        ),
    )
    allocation = AllocationSerializer(
        required=False,
        allow_null=True,
        help_text=_("This episode's latest allocation decision, for roles that read it."),
    )
    distances = DistanceSerializer(
        many=True,
        required=False,
        help_text=_("Every facility by distance from her home, nearest first."),
    )

    class Meta(AdmissionSerializer.Meta):
        fields = [
            *AdmissionSerializer.Meta.fields,
            "released_at",
            "release_reason",
            "property_signed_at",
            "received_from",
            "order_authority",
            "order_legal_basis",
            "order_number",
            "order_date",
            "arrested_at",
            "arrest_place",
            "interpreter_needed",
            "injuries_noted",
            "checklist",
            "transfers",
            "pending_transfers",
            "court_outcomes",
            "allocation",
            "distances",
        ]
        read_only_fields = [
            *AdmissionSerializer.Meta.fields,
            "released_at",
            "release_reason",
            "property_signed_at",
            "received_from",
            "order_authority",
            "order_legal_basis",
            "order_number",
            "order_date",
            "arrested_at",
            "arrest_place",
            "interpreter_needed",
        ]

    def get_transfers(self, admission) -> MoveSerializer(many=True):
        return MoveSerializer(self.context["transfers"], many=True).data

    def get_court_outcomes(self, admission) -> CourtOutcomeSerializer(many=True):
        outcomes = admission.court_outcomes.select_related("recorded_by")  # one query
        return CourtOutcomeSerializer(outcomes, many=True).data

    def get_pending_transfers(self, admission) -> PendingTransferSerializer(many=True):
        return PendingTransferSerializer(self.context["pending_transfers"], many=True).data

    def get_checklist(self, admission) -> ChecklistItemSerializer(many=True):
        items = [
            {"item": item, "label": label, "answer": answer}
            for item, label, answer in self.context["checklist"]
        ]
        return ChecklistItemSerializer(items, many=True, context=self.context).data

    def to_representation(self, admission):
        data = super().to_representation(admission)
        context = self.context
        if not context["admits"]:
            del data["injuries_noted"]
        data.pop("allocation", None)
        data.pop("distances", None)
        if context["show_allocation"]:
            allocation = context["allocation"]
            data["allocation"] = allocation and AllocationSerializer(allocation).data
            data["distances"] = DistanceSerializer(context["distances"], many=True).data
        return data


class RightsOfferSerializer(serializers.Serializer):
    """Her answer to one right of Rule 2.1, and the language it was offered in."""

    item = serializers.ChoiceField(choices=RightsItem.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    language = StrictCharField(max_length=8)
    note = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class RightsOfferResultSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=RightsItem.choices, read_only=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices, read_only=True)
    language = serializers.CharField(read_only=True)
    offered_at = serializers.DateTimeField(read_only=True)
    note = serializers.CharField(read_only=True)


class AllocateSerializer(serializers.Serializer):
    """Where she is held (Rule 4). Away from the nearest facility, or against her
    preference, needs a written reason."""

    facility = FacilityCodeField()
    preference = FacilityCodeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The facility she prefers; null when she states none."),
    )
    programmes_needed = StrictCharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    reason = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)


class HomeInputSerializer(serializers.Serializer):
    """Her home, as the picker names it (Rule 4)."""

    place = StrictCharField(
        max_length=60,
        help_text=_(
            "`geonames:<id>` for a town of the gazetteer, `place:<uuid>` for a place one of "
            "your facilities added."
        ),
    )


class HomeSerializer(serializers.Serializer):
    """Her home as recorded: the place, its country (ISO 3166) and coordinates."""

    uuid = serializers.UUIDField(read_only=True)
    home_place = serializers.CharField(read_only=True)
    home_country = serializers.CharField(read_only=True)
    home_latitude = serializers.DecimalField(max_digits=8, decimal_places=5, read_only=True)
    home_longitude = serializers.DecimalField(max_digits=8, decimal_places=5, read_only=True)


class FamilyMemberSerializer(StrictModelSerializer):
    """Her family, emergency contact and next of kin (Mandela Rule 7(f)(g))."""

    class Meta:
        model = FamilyMember
        fields = [
            "uuid",
            "name",
            "relationship",
            "contact",
            "emergency_contact",
            "next_of_kin",
            "recorded_at",
        ]
        read_only_fields = ["uuid", "recorded_at"]


# Her property (Mandela Rules 7(e) and 67)


class PropertyItemSerializer(serializers.ModelSerializer):
    """One line of the inventory of her property, and when it was returned to her."""

    class Meta:
        model = PropertyItem
        fields = ["uuid", "description", "quantity", "kept", "recorded_at", "returned_at"]
        read_only_fields = fields


class RecordPropertySerializer(serializers.Serializer):
    description = StrictCharField(max_length=300)
    quantity = StrictIntegerField(min_value=1, max_value=10000, required=False, default=1)
    kept = serializers.ChoiceField(choices=Kept.choices, required=False, default=Kept.STORED)


# Suspension of detention to arrange her children's care (Rule 2.2)


class SuspensionRequestSerializer(serializers.ModelSerializer):
    """Her request and its outcome. `grounds` only for roles that may know her children's
    identities (Rule 3.2): absent for the others. The view says which in the context
    (`show_grounds`)."""

    admission = serializers.UUIDField(source="admission.uuid", read_only=True)
    grounds = serializers.CharField(
        required=False,
        help_text=_(
            "What she asks for and why; only for those who may know her children's identities."
        ),
        max_length=5000,
    )

    class Meta:
        model = SuspensionRequest
        fields = [
            "uuid",
            "version",
            "admission",
            "requested_at",
            "authority",
            "period",
            "grounds",
            "outcome",
            "decided_at",
            "decision_note",
        ]
        read_only_fields = [name for name in fields if name != "grounds"]

    def to_representation(self, request):
        data = super().to_representation(request)
        if not self.context.get("show_grounds"):
            del data["grounds"]
        return data


class RequestSuspensionSerializer(serializers.Serializer):
    authority = StrictCharField(max_length=200, help_text=_("The competent authority."))
    period = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    grounds = StrictCharField(
        max_length=5000,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Don't write the children's names here: the register keeps them."),
    )
    requested_at = serializers.DateTimeField(
        required=False, help_text=_("When she made the request; now if not given.")
    )


class DecideSuspensionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[(value, label) for value, label in Decision.choices if value != Decision.PENDING]
    )
    decided_at = serializers.DateTimeField(
        required=False, help_text=_("When it was decided; now if not given.")
    )
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


# Transfers and release (Mandela Rule 7(c); Rule 4)


class TransferSerializer(MoveSerializer):
    """A transfer recorded, with the allocation decision that justifies it (Rule 4)."""

    uuid = serializers.UUIDField(read_only=True)
    allocation = AllocationSerializer(
        read_only=True, help_text=_("The allocation decision that justifies the move (Rule 4).")
    )


class TransferProposalSerializer(serializers.Serializer):
    """A transfer proposed: it takes effect when a governor of her facility confirms it
    (Rule 4). `status` is proposed (awaiting confirmation), confirmed, refused, or ended (she
    was released first); `transfer` is the move once confirmed."""

    uuid = serializers.UUIDField(read_only=True)
    status = serializers.ChoiceField(
        choices=["proposed", "confirmed", "refused", "ended"], read_only=True
    )
    awaiting = serializers.SerializerMethodField(
        help_text=_("What it awaits: a governor's confirmation, while it is proposed.")
    )
    from_facility = serializers.CharField(source="facility.code", read_only=True)
    to = serializers.CharField(source="to_facility.code", read_only=True)
    preference = serializers.CharField(source="preference.code", read_only=True, allow_null=True)
    programmes_needed = serializers.CharField(read_only=True)
    reason = serializers.CharField(read_only=True)
    proposed_by = serializers.CharField(source="proposed_by.username", read_only=True)
    proposed_at = serializers.DateTimeField(read_only=True)
    authority = serializers.CharField(read_only=True)
    authorised_by = serializers.CharField(
        source="authorised_by.username", read_only=True, allow_null=True
    )
    authority_refused_by = serializers.CharField(
        source="authority_refused_by.username", read_only=True, allow_null=True
    )
    authority_decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    authority_refusal = serializers.CharField(read_only=True)
    ended_at = serializers.DateTimeField(read_only=True, allow_null=True)
    transfer = TransferSerializer(read_only=True, allow_null=True)

    def get_fields(self):
        # `from` is a Python keyword, so the field is declared under another name.
        fields = super().get_fields()
        fields["from"] = fields.pop("from_facility")
        return fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_awaiting(self, proposal) -> str | None:
        return str(_("a governor's confirmation")) if proposal.status == "proposed" else None


class TransferInputSerializer(serializers.Serializer):
    """A transfer proposed: an allocation decision (Rule 4), in effect once a governor
    confirms it (the move's date and hour are then)."""

    to_facility = FacilityCodeField()
    reason = StrictCharField(max_length=5000)
    preference = FacilityCodeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The facility she prefers; null when she states none."),
    )
    programmes_needed = StrictCharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


class ReleaseSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=300)
    released_at = serializers.DateTimeField(
        required=False, help_text=_("When she left custody; now if not given.")
    )
    property_returned = StrictBooleanField(
        required=False,
        default=False,
        help_text=_(
            "Her property kept in store was returned to her and she signed for it "
            "(Mandela Rule 67)."
        ),
    )
