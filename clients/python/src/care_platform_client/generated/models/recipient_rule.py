from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.recipient_role import RecipientRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipient_rule_when import RecipientRuleWhen


T = TypeVar("T", bound="RecipientRule")


@_attrs_define
class RecipientRule:
    """
    Attributes:
        role (RecipientRole): The role an organisation receives a notification in.

            A rule may address every role but the service's own: the escalation ladder's
            `escalation_contact` (the recipient's own), `duty_holder`, `escalation` (the responsible
            authority's head of service) and `emergency_duty` (its out-of-hours team), and
            `platform` (a notice such as a disabled endpoint).
        when (RecipientRuleWhen | Unset):
        except_recorder (bool | Unset):  Default: False.
    """

    role: RecipientRole
    when: RecipientRuleWhen | Unset = UNSET
    except_recorder: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        when: dict[str, Any] | Unset = UNSET
        if not isinstance(self.when, Unset):
            when = self.when.to_dict()

        except_recorder = self.except_recorder

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if when is not UNSET:
            field_dict["when"] = when
        if except_recorder is not UNSET:
            field_dict["except_recorder"] = except_recorder

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recipient_rule_when import RecipientRuleWhen

        d = dict(src_dict)
        role = RecipientRole(d.pop("role"))

        _when = d.pop("when", UNSET)
        when: RecipientRuleWhen | Unset
        if isinstance(_when, Unset):
            when = UNSET
        else:
            when = RecipientRuleWhen.from_dict(_when)

        except_recorder = d.pop("except_recorder", UNSET)

        recipient_rule = cls(
            role=role,
            when=when,
            except_recorder=except_recorder,
        )

        return recipient_rule
