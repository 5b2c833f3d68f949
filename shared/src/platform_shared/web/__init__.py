"""What every service's routers use in the same form: the clock, pages, ETags, headers,
scopes. HTTP only; no domain knowledge and no queries."""
