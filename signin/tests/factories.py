from signin.tokens import issue_token


def token_for(user, name: str = "test") -> str:
    """A new API token's key for her, as the token endpoint would give it."""
    return issue_token(user=user, name=name).key


def auth_header(user) -> dict[str, str]:
    """The test client's keyword argument for a token request as her."""
    return {"HTTP_AUTHORIZATION": f"Token {token_for(user)}"}
