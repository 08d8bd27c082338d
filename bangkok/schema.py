"""OpenAPI post-processing: the answers every operation can give, said once."""

ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "rule": {"type": "string", "description": "The Bangkok Rule a refusal rests on."},
    },
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Each field with its messages, or `detail`.",
    "additionalProperties": True,
}


CSRF_FAILED = "CSRF check failed (a signed-in browser session only)."
TOO_LARGE = "The body is over DATA_UPLOAD_MAX_MEMORY_SIZE."
URI_TOO_LONG = "The address (path and query) is over MAX_REQUEST_LINE."
UNSUPPORTED = "The body is not application/json."
NOT_FOUND = "No such record, or not in your facilities or your role's areas."


def _response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def add_common_responses(result, generator, request, public):
    """Document 401, 403 and 404 on authenticated operations, 400 on operations that take
    input (bad filters, page size or cursor), 414 on every operation, 413 and 415 on those
    that take a body, and that an empty choice filter means "any".

    A role refused an area, a record outside her facilities and a missing record are one 404
    (`bangkok.errors`); 403 is only a signed-in browser session's failed CSRF check."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if operation.get("security") != [] and "security" in operation:
                responses.setdefault("401", _response("No valid token.", ERROR))
                responses.setdefault("403", _response(CSRF_FAILED, ERROR))
                responses.setdefault("404", _response(NOT_FOUND, ERROR))
            if "{" in path:
                responses.setdefault("404", _response(NOT_FOUND, ERROR))
            for parameter in operation.get("parameters", []):
                enum = parameter.get("schema", {}).get("enum")
                if parameter.get("in") == "query" and enum and "" not in enum:
                    # An empty filter means "any", as on the page's form.
                    enum.append("")
            takes_input = operation.get("parameters") or operation.get("requestBody")
            if takes_input:
                responses.setdefault("400", _response("Invalid input.", FIELD_ERRORS))
            responses.setdefault("414", _response(URI_TOO_LONG, ERROR))
            if operation.get("requestBody"):
                responses.setdefault("413", _response(TOO_LARGE, ERROR))
                responses.setdefault("415", _response(UNSUPPORTED, ERROR))
    return result
