"""Response bodies of the development authorization server, named for the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class TokenResponse(BaseModel):
    """RFC 6749 §5.1 successful token response."""

    access_token: str = Field(description="A signed JWT (RS256) for the services.")
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="Seconds until the token expires.")
    scope: str = Field(description="The granted scopes, space separated.")


class OAuthError(BaseModel):
    """RFC 6749 §5.2 error response."""

    error: str = Field(examples=["invalid_client", "invalid_scope", "unsupported_grant_type"])
    error_description: str | None = None
    error_uri: str | None = None


class DiscoveryDocument(BaseModel):
    """The authorization server metadata (OpenID Connect Discovery / RFC 8414)."""

    issuer: str
    token_endpoint: str
    jwks_uri: str
    grant_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    scopes_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    #: The sign-in page (development only; absent when there are no demo people).
    authorization_endpoint: str | None = None
    response_types_supported: list[str] = Field(default_factory=list)
    subject_types_supported: list[str] = Field(default_factory=list)
    code_challenge_methods_supported: list[str] = Field(default_factory=list)
    authorization_response_iss_parameter_supported: bool = False


class JsonWebKeySet(BaseModel):
    """RFC 7517 §5 JWK Set: the public keys that verify tokens still valid."""

    keys: list[dict[str, Any]]


class HealthStatus(BaseModel):
    status: Literal["ok", "unavailable"]


class TokenRequestForm(BaseModel):
    """RFC 6749 §4.4.2 access token request (form fields)."""

    grant_type: Literal["client_credentials"]
    scope: str | None = Field(default=None, description="Space-separated scopes to ask for.")
    client_id: str | None = Field(default=None, description="With client_secret_post only.")
    client_secret: str | None = Field(default=None, description="With client_secret_post only.")
