"""Development OAuth 2.0 authorization server (client credentials) for the embedded default."""
