"""A read of confidential records is shown only once its audit row is written (Mandela Rule
6; Rules 3.2, 8, 25): every such read writes its row before anything is rendered, in the
request's transaction, and if that write fails the request fails with a plain 503, which
says nothing of what was asked for (pages and API alike)."""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .services import AuditUnavailable


class AuditUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, AuditUnavailable):
            return None
        message = _(
            "This can't be shown or done now: the audit trail can't be written. Try again later."
        )
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
        response["Retry-After"] = "60"
        return response
