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


def _response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def add_common_responses(result, generator, request, public):
    """Document 401/403 on authenticated operations, 404 on paths with an id, 400 on
    operations that take input (bad filters, page size or cursor), and that an empty choice
    filter means "any"."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if operation.get("security") != [] and "security" in operation:
                responses.setdefault("401", _response("No valid token.", ERROR))
                responses.setdefault("403", _response("Your role may not do this.", ERROR))
            if "{" in path:
                responses.setdefault("404", _response("No such record in your facilities.", ERROR))
            for parameter in operation.get("parameters", []):
                enum = parameter.get("schema", {}).get("enum")
                if parameter.get("in") == "query" and enum and "" not in enum:
                    # An empty filter means "any", as on the page's form.
                    enum.append("")
            takes_input = operation.get("parameters") or operation.get("requestBody")
            if takes_input:
                responses.setdefault("400", _response("Invalid input.", FIELD_ERRORS))
    return result
