"""People sign in to the portal: authorization code with PKCE, an ID token, their scopes."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet

REDIRECT = "http://127.0.0.1:28004/auth/callback"


def _authorize_params(verifier: str, **overrides: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": "portal",
        "redirect_uri": REDIRECT,
        "scope": "openid",
        "state": "state-1",
        "nonce": "nonce-1",
        "code_challenge": create_s256_code_challenge(verifier),
        "code_challenge_method": "S256",
        **overrides,
    }


async def _code_for(auth: httpx.AsyncClient, username: str, verifier: str) -> str:
    page = await auth.get("/oauth/authorize", params=_authorize_params(verifier))
    assert page.status_code == 200
    assert 'value="camden-duty"' in page.text
    answer = await auth.post(
        "/oauth/authorize", data={**_authorize_params(verifier), "username": username}
    )
    assert answer.status_code == 303
    location = urlsplit(answer.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["state-1"]
    assert query["iss"] == ["http://auth.test"]
    return query["code"][0]


def _exchange(code: str, verifier: str) -> dict[str, str]:
    return {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "code_verifier": verifier,
    }


async def test_a_person_signs_in_and_gets_the_scopes_of_their_role(
    auth: httpx.AsyncClient, verify_token
) -> None:
    verifier = generate_token(48)
    code = await _code_for(auth, "met-sergeant", verifier)

    response = await auth.post(
        "/oauth/token", data=_exchange(code, verifier), auth=("portal", "demo-portal-secret")
    )

    assert response.status_code == 200, response.text
    tokens = response.json()
    access = (await verify_token(tokens["access_token"])).claims
    assert access["org"] == "police-metropolitan"
    assert access["sub"] == "met-sergeant"
    assert access["client_id"] == "portal:met-sergeant"
    assert "care-status:lookup" in access["scope"].split()
    assert "care-status:read" not in access["scope"].split()
    keys = KeySet.import_key_set((await auth.get("/jwks.json")).json())
    identity = jwt.decode(tokens["id_token"], keys, algorithms=["RS256"]).claims
    assert identity["aud"] == "portal"
    assert identity["nonce"] == "nonce-1"
    assert identity["name"] == "Sergeant Priya Shah"
    assert identity["role"] == "custody_sergeant"


async def test_a_code_is_good_once_and_only_with_its_verifier(auth: httpx.AsyncClient) -> None:
    verifier = generate_token(48)
    code = await _code_for(auth, "camden-duty", verifier)
    secret = ("portal", "demo-portal-secret")

    wrong = await auth.post("/oauth/token", data=_exchange(code, generate_token(48)), auth=secret)
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "invalid_grant"

    first = await auth.post("/oauth/token", data=_exchange(code, verifier), auth=secret)
    again = await auth.post("/oauth/token", data=_exchange(code, verifier), auth=secret)
    assert first.status_code == 200, first.text
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


async def test_an_unregistered_redirect_uri_is_shown_never_followed(
    auth: httpx.AsyncClient,
) -> None:
    verifier = generate_token(48)
    for overrides in ({"redirect_uri": "https://evil.example/cb"}, {"client_id": "demo-camden"}):
        response = await auth.get(
            "/oauth/authorize", params=_authorize_params(verifier, **overrides)
        )
        assert response.status_code == 400
        assert "location" not in response.headers
        assert "Sign-in cannot continue" in response.text


async def test_a_request_without_pkce_goes_back_to_the_client_as_an_error(
    auth: httpx.AsyncClient,
) -> None:
    params = _authorize_params(generate_token(48), code_challenge_method="plain")

    response = await auth.get("/oauth/authorize", params=params)

    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["error"] == ["invalid_request"]
    assert query["state"] == ["state-1"]


async def test_the_portal_client_has_no_token_of_its_own(auth: httpx.AsyncClient) -> None:
    response = await auth.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("portal", "demo-portal-secret"),
    )

    assert response.status_code in (400, 401)
    assert re.fullmatch(r"unauthorized_client|invalid_client", response.json()["error"])
