"""The health API (Rules 6-18, 48): her clinical file, and one operation per service verb.

The file is health staff's alone; an inspector reads it only while her consent is in force.
Every other role, and every woman outside the caller's facilities, meets the same 404 as a
woman who doesn't exist (`access_clinical_file`); every read is audited with the ids shown.
A write finds the woman (or the record, then its woman) through the same funnel with
`write=True`, validates the body's shape and calls the service, which checks the role and the
Rules: a refusal under a Rule is a 409 naming it, and nothing is written.

The writes are declared once, for the API and the file page, in `health/actions.py`.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.schema import ERROR

from . import reading
from . import serializers as io
from .permissions import access_clinical_file

TAG = "health"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not record in her clinical file "
        "(the same answer either way)."
    ),
)


@extend_schema(
    tags=[TAG],
    summary="Her clinical file (Rules 6-18, 48; the read is audited)",
    description=(
        "Entry screenings item by item, HIV tests, disclosures, the children living with her "
        "(id, given names and age only) and their screenings, pregnancies with their care "
        "contacts and birth, breastfeeding, preventive screenings and what is due under the "
        "community policy, her request for a woman clinician, encounters with who was present, "
        "mental-health assessments, observation level, times of distress and her consents. "
        "Health staff of her facility; an inspector only while her consent is in force. "
        "Everyone else gets the 404 a woman who doesn't exist gets."
    ),
    responses={200: io.ClinicalFileSerializer, 404: NOT_FOUND},
)
class ClinicalFile(APIView):
    def get(self, request, uuid):
        woman = access_clinical_file(request.user, uuid)
        data, _disclosed = reading.clinical_file(request.user, woman)
        return Response(io.ClinicalFileSerializer(data).data)
