from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import (
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    StrictSlugRelatedField,
)
from facilities.models import Facility
from facilities.scope import facilities_of, staff_of
from prisoners.serializers import UnitOfMine
from register.models import Child
from staff.models import Course, User

from .models import (
    INVASIVE_KINDS,
    PERSON_SUBJECTS,
    Kind,
    Part,
    Search,
    SearchAuthorisation,
    SearchStaff,
    Subject,
    Trigger,
)
from .permissions import given_authorities
from .services.training import TrainingStatus, training_status


def optional_text(max_length=5000, help_text=""):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, help_text=help_text
    )


def when():
    return serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Now if not given.")
    )


class StaffOf(StrictSlugRelatedField):
    """A member of staff by username: of her facility (`woman` in the context), else of the
    caller's facilities."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="username", queryset=User.objects.none(), **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        if woman is not None:
            return staff_of(Facility.objects.filter(pk=woman.facility_id))
        return staff_of(facilities_of(self.context["request"].user))


def staff_list(help_text, required=True):
    extra = {} if required else {"required": False, "default": list}
    return serializers.ListField(
        child=StaffOf(),
        min_length=1 if required else 0,
        max_length=20,
        help_text=help_text,
        **extra,
    )


class HerChild(StrictSlugRelatedField):
    """One of her children living with her, by the register's id (never her name)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=Child.objects.none(), **kwargs)

    def get_queryset(self):
        return self.context["woman"].children.filter(lives_with_mother=True)


class GivenAuthority(StrictSlugRelatedField):
    """An authority the governor gave for a search of her, not yet used, by its id."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=SearchAuthorisation.objects.none(), **kwargs)

    def get_queryset(self):
        return given_authorities(self.context["woman"])


class SearchAuthorityInput(serializers.Serializer):
    subject = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in PERSON_SUBJECTS], default=Subject.WOMAN
    )
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in INVASIVE_KINDS])
    trigger = serializers.ChoiceField(choices=Trigger.choices)
    reason = StrictCharField(
        help_text=_("The individual reason about her (Mandela 51)."), max_length=5000
    )
    sought_from = StaffOf(
        required=False,
        default=None,
        help_text=_("Username of the governor whose authority you ask; any governor if absent."),
    )


class SearchInput(serializers.Serializer):
    subject = serializers.ChoiceField(
        choices=Subject.choices,
        default=Subject.WOMAN,
        help_text=_("A cell search is recorded at /cell-searches/."),
    )
    child = HerChild(
        required=False, allow_null=True, default=None, help_text=_("For a child living with her.")
    )
    visiting_child_name = optional_text(100, _("For a visiting child: her given name."))
    visiting_child_age = StrictIntegerField(
        min_value=0, max_value=17, required=False, allow_null=True, default=None
    )
    kind = serializers.ChoiceField(choices=Kind.choices)
    trigger = serializers.ChoiceField(choices=Trigger.choices)
    searched_at = when()
    searchers = staff_list(_("Usernames of the staff who searched, of her facility."))
    witnesses = staff_list(_("Usernames of the staff who witnessed."), required=False)
    place = StrictCharField(max_length=200)
    privacy = optional_text(300, _("Required for a strip or body cavity search."))
    reason = optional_text(help_text=_("Required for a strip or body cavity search (Mandela 51)."))
    authorisation = GivenAuthority(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "For a strip or body cavity search: the id of the authority the governor gave for "
            "it, before it was done (Mandela 51)."
        ),
    )
    authorised_by = StaffOf(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Instead of `authorisation`: the governor who gave it. Naming her is no authority: "
            "refused (409, M51) unless she gave one for this search before it was done."
        ),
    )
    scanner_available = StrictBooleanField(required=False, default=False)
    why_not_scanner = optional_text(help_text=_("Required when a scanner was available (Rule 20)."))
    found = optional_text(help_text=_("Empty if nothing was found."))
    late_reason = late.api_field()


class CellSearchInput(serializers.Serializer):
    unit = UnitOfMine(help_text=_("The unit's id, in one of your facilities."))
    cell = StrictCharField(max_length=50)
    trigger = serializers.ChoiceField(choices=Trigger.choices)
    searched_at = when()
    searchers = staff_list(_("Usernames of the staff who searched, of the unit's facility."))
    witnesses = staff_list(_("Usernames of the staff who witnessed."), required=False)
    reason = optional_text()
    found = optional_text(help_text=_("Empty if nothing was found."))
    late_reason = late.api_field()


@extend_schema_field(OpenApiTypes.STR)
class StaffName(serializers.Field):
    def to_representation(self, value):
        return value.get_full_name() or value.username


class SearchStaffSerializer(serializers.ModelSerializer):
    name = StaffName(source="person", read_only=True)
    username = serializers.CharField(source="person.username", read_only=True)

    class Meta:
        model = SearchStaff
        fields = ["name", "username", "gender", "role"]


class SearchSerializer(serializers.ModelSerializer):
    facility = serializers.CharField(source="facility.code", read_only=True)
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True, allow_null=True)
    child = serializers.UUIDField(source="child.uuid", read_only=True, allow_null=True)
    unit = serializers.CharField(source="unit.code", read_only=True, allow_null=True)
    authorised_by = StaffName(read_only=True, allow_null=True)
    authorisation = serializers.UUIDField(
        source="authorisation.uuid", read_only=True, allow_null=True
    )
    recorded_by = StaffName(read_only=True)
    searchers = serializers.SerializerMethodField()
    witnesses = serializers.SerializerMethodField()

    class Meta:
        model = Search
        fields = [
            "uuid",
            "facility",
            "prisoner",
            "subject",
            "kind",
            "trigger",
            "searched_at",
            "child",
            "visiting_child_name",
            "visiting_child_age",
            "unit",
            "cell",
            "reason",
            "authorised_by",
            "authorisation",
            "searchers",
            "witnesses",
            "place",
            "privacy",
            "found",
            "scanner_available",
            "why_not_scanner",
            "late_reason",
            "blanket_strip",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = fields

    @extend_schema_field(SearchStaffSerializer(many=True))
    def get_searchers(self, search):
        return self._people(search, Part.SEARCHER)

    @extend_schema_field(SearchStaffSerializer(many=True))
    def get_witnesses(self, search):
        return self._people(search, Part.WITNESS)

    def _people(self, search, part):
        people = [p for p in search.staff.all() if p.part == part]
        return SearchStaffSerializer(people, many=True).data


class SearchAuthoritySerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    facility = serializers.CharField(source="facility.code", read_only=True)
    authority_sought_from = StaffName(read_only=True, allow_null=True)
    authority_requested_by = StaffName(read_only=True, allow_null=True)
    authorised_by = StaffName(read_only=True, allow_null=True)
    authority_refused_by = StaffName(read_only=True, allow_null=True)
    search = serializers.SerializerMethodField()

    class Meta:
        model = SearchAuthorisation
        fields = [
            "uuid",
            "version",
            "woman",
            "facility",
            "subject",
            "kind",
            "trigger",
            "reason",
            "authority",
            "authority_sought_from",
            "authority_requested_by",
            "authority_requested_at",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
            "search",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_search(self, asked):
        search = getattr(asked, "search", None)
        return search.uuid if search is not None else None


class TrainingRecordSerializer(serializers.Serializer):
    staff = StaffName(source="user", read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    course = serializers.ChoiceField(choices=Course.choices, read_only=True)
    completed = serializers.DateField(read_only=True)
    expires = serializers.DateField(read_only=True, allow_null=True)
    status = serializers.SerializerMethodField(
        help_text=_("Expiring: within the notice period before it expires.")
    )

    @extend_schema_field(serializers.ChoiceField(choices=TrainingStatus.choices))
    def get_status(self, record) -> str:
        return training_status(record)


class CourseCapacitySerializer(serializers.Serializer):
    course = serializers.ChoiceField(choices=Course.choices)
    rule = serializers.CharField()
    trained = serializers.IntegerField(help_text=_("How many hold a valid one today."))
    share = serializers.IntegerField(allow_null=True, help_text=_("Of the staff, in percent."))


class CapacitySerializer(serializers.Serializer):
    """A facility's staff working with women prisoners, in figures (Rules 29-35)."""

    facility = serializers.SerializerMethodField(
        help_text=_("Its code; empty for all the caller's facilities together.")
    )
    staff = serializers.IntegerField()
    women = serializers.IntegerField()
    senior = serializers.IntegerField(help_text=_("In a senior post (Rule 29)."))
    senior_women = serializers.IntegerField()
    courses = serializers.SerializerMethodField()
    new_starters_late = serializers.IntegerField(
        help_text=_("Past the day their Rule 33.1 training was due, without it.")
    )

    def get_facility(self, capacity) -> str:
        return capacity.facility.code if capacity.facility else ""

    @extend_schema_field(CourseCapacitySerializer(many=True))
    def get_courses(self, capacity) -> list[dict]:
        return [
            {"course": course, "rule": rule, "trained": held, "share": share}
            for course, _label, rule, held, share in capacity.courses
        ]
