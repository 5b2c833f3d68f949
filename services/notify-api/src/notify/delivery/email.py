"""Pushing a notification by email: a short message that links to the inbox item.

The message carries no name, no date of birth and no person reference: only the rule,
the recipient role, the deadline and a link to the inbox item, where the recipient
signs in to read the rest.
"""

from __future__ import annotations

import time
from email.message import EmailMessage
from typing import Any

import aiosmtplib

from notify.delivery.webhook import AttemptResult


def _due_line(due: Any, before_events: Any) -> str:
    if due:
        return f"Due: {due}"
    if before_events:
        # A duty with no fixed instant (rules.md Revision 2): late once one of these comes.
        return f"Due: before any of these is recorded: {', '.join(before_events)}"
    return "Due: no deadline"


def compose_email(
    notification: dict[str, Any], *, sender: str, to: str, inbox_base_url: str
) -> EmailMessage:
    """The message for one notification (a dict as the API shows it)."""
    link = f"{inbox_base_url.rstrip('/')}/{notification['id']}"
    title = notification.get("rule_title") or notification["rule"]
    due = notification.get("due_at_local")
    recipient = notification["recipient"]
    lines = [
        "A notification for your organisation is waiting in the care notification platform.",
        "",
        f"What: {title} (rule {notification['rule']})",
        f"For: {recipient['org']}, as {recipient['role'].replace('_', ' ')}",
        _due_line(due, notification.get("before_events")),
        f"Sequence number: {notification['sequence']}",
        "",
        "Open it, and acknowledge it, in the inbox:",
        link,
        "",
        "This message holds no personal details; sign in to the inbox to read them.",
    ]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = f"Notification to acknowledge: {notification['rule']}"
    message["Message-ID"] = f"<{notification['id']}.{int(time.time())}@care-platform>"
    text = "\n".join(lines)
    # Plain 7bit keeps the link whole for readers and filters (no quoted-printable breaks).
    message.set_content(text, cte="7bit" if text.isascii() else "quoted-printable")
    return message


async def send_email(
    message: EmailMessage,
    *,
    host: str,
    port: int,
    time_limit: float,
    username: str | None = None,
    password: str | None = None,
    start_tls: bool = False,
) -> AttemptResult:
    """Hand the message to the SMTP server; never raises for a failed attempt.

    A refusal carries the server's reply code (`status_code`): 5xx is permanent (the
    worker fails the delivery at once, RFC 5321 4.2.1), 4xx transient (retried).
    """
    started = time.perf_counter()

    def elapsed() -> int:
        return int((time.perf_counter() - started) * 1000)

    try:
        _errors, reply = await aiosmtplib.send(
            message,
            hostname=host,
            port=port,
            timeout=time_limit,
            username=username,
            password=password,
            start_tls=start_tls,
        )
    except aiosmtplib.SMTPResponseException as error:
        return AttemptResult(error.code, f"SMTP {error.code}: {error.message}"[:300], elapsed())
    except aiosmtplib.SMTPRecipientsRefused as error:  # every recipient refused (we send one)
        refused = error.recipients[0] if error.recipients else None
        if refused is None:
            return AttemptResult(None, "SMTP recipients refused", elapsed())
        return AttemptResult(
            refused.code, f"SMTP {refused.code}: {refused.message}"[:300], elapsed()
        )
    except (aiosmtplib.SMTPException, OSError) as error:
        return AttemptResult(None, f"{type(error).__name__}: {error}"[:300], elapsed())
    return (
        AttemptResult(250, None, elapsed(), None)
        if reply is not None
        else AttemptResult(None, "no reply", elapsed())
    )
