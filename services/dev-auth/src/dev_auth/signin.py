"""The sign-in page of the authorization endpoint (OpenID Connect Core §3.1.2).

The development server has no passwords: a person is chosen from the demo people (the page
exists in development only). The authorization request is checked first; a request that
cannot be answered at its redirect URI (unknown client, unregistered URI) gets a page of
its own, any other error goes back to the client (RFC 6749 §4.1.2.1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from dev_auth.clients import ClientRegistry
from dev_auth.people import Person

#: The parameters carried from the authorization request to the sign-in form.
REQUEST_PARAMETERS = (
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)


class UnanswerableRequest(ValueError):
    """The request cannot be sent back to its client: shown to the person instead."""


@dataclass(frozen=True)
class AuthorizationRequest:
    client_id: str
    redirect_uri: str
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str
    code_challenge_method: str

    def as_form(self) -> dict[str, str]:
        return {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": self.scope,
            "state": self.state or "",
            "nonce": self.nonce or "",
            "code_challenge": self.code_challenge,
            "code_challenge_method": self.code_challenge_method,
        }


class RedirectableError(ValueError):
    """An OAuth error to send to the client's redirect URI."""

    def __init__(self, redirect_uri: str, state: str | None, error: str, description: str):
        super().__init__(description)
        self.location = _with_query(
            redirect_uri,
            {
                "error": error,
                "error_description": description,
                **({"state": state} if state else {}),
            },
        )


def parse_request(params: Mapping[str, str], clients: ClientRegistry) -> AuthorizationRequest:
    """Check an authorization request (S256 PKCE and the `openid` scope are required)."""
    client = clients.get(params.get("client_id", ""))
    if client is None or not client.signs_people_in:
        raise UnanswerableRequest("This service is not registered to sign people in.")
    redirect_uri = params.get("redirect_uri", "")
    if not client.check_redirect_uri(redirect_uri):
        raise UnanswerableRequest("The address to return to is not registered for this service.")
    state = params.get("state") or None
    if params.get("response_type") != "code":
        raise RedirectableError(redirect_uri, state, "unsupported_response_type", "Use code.")
    scope = params.get("scope", "")
    if "openid" not in scope.split():
        raise RedirectableError(redirect_uri, state, "invalid_scope", "The openid scope is needed.")
    challenge = params.get("code_challenge", "")
    if params.get("code_challenge_method") != "S256" or not 43 <= len(challenge) <= 128:
        raise RedirectableError(
            redirect_uri,
            state,
            "invalid_request",
            "PKCE with code_challenge_method S256 is needed.",
        )
    return AuthorizationRequest(
        client_id=client.client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        nonce=params.get("nonce") or None,
        code_challenge=challenge,
        code_challenge_method="S256",
    )


def redirect_with_code(request: AuthorizationRequest, code: str, issuer: str) -> str:
    """Where the browser goes once the person has signed in (RFC 9207 adds `iss`)."""
    query = {"code": code, "iss": issuer}
    if request.state:
        query["state"] = request.state
    return _with_query(request.redirect_uri, query)


def _with_query(uri: str, query: Mapping[str, str]) -> str:
    return f"{uri}{'&' if '?' in uri else '?'}{urlencode(query)}"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Development sign-in</title>
<style>
body {{ font-family: Arial, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
  color: #0b0c0c; line-height: 1.4; }}
fieldset {{ border: 0; padding: 0; }} legend {{ font-size: 1.5rem; font-weight: bold; }}
.person {{ margin: .6rem 0; }} .person input {{ width: 1.4rem; height: 1.4rem; }}
.hint {{ color: #484949; display: block; margin-left: 2rem; }}
button {{ background: #00703c; color: #fff; border: 0; padding: .6rem 1rem; font-size: 1.1rem;
  margin-top: 1rem; box-shadow: 0 2px 0 #002d18; }}
button:focus, input:focus {{ outline: 3px solid #fd0; }}
</style></head>
<body><main>{body}</main></body></html>
"""


def sign_in_page(request: AuthorizationRequest, people: Mapping[str, Person]) -> str:
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in request.as_form().items()
    )
    choices = "".join(
        f'<div class="person"><input type="radio" id="person-{escape(p.username)}" '
        f'name="username" value="{escape(p.username)}"{" checked" if i == 0 else ""}>'
        f'<label for="person-{escape(p.username)}">{escape(p.name)}</label>'
        f'<span class="hint">{escape(p.role_name)}, {escape(p.org)}</span></div>'
        for i, p in enumerate(people.values())
    )
    body = (
        "<h1>Sign in</h1>"
        "<p>Development authorization server: choose a demo person. "
        "There are no passwords here; in production your organisation's sign-in is used.</p>"
        f'<form method="post" action="/oauth/authorize">{hidden}'
        f"<fieldset><legend>Who are you?</legend>{choices}</fieldset>"
        '<button type="submit">Sign in</button></form>'
    )
    return _PAGE.format(title="Sign in", body=body)


def problem_page(message: str) -> str:
    body = f"<h1>Sign-in cannot continue</h1><p>{escape(message)}</p>"
    return _PAGE.format(title="Sign-in cannot continue", body=body)
