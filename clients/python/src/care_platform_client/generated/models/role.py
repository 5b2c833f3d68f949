from enum import StrEnum


class Role(StrEnum):
    AREA_AUTHORITY = "area_authority"
    AREA_HEALTH = "area_health"
    AREA_YOT = "area_yot"
    DUTY_HOLDER = "duty_holder"
    EMERGENCY_DUTY = "emergency_duty"
    ESCALATION = "escalation"
    ESCALATION_CONTACT = "escalation_contact"
    HOME_HEALTH = "home_health"
    HOME_YOT = "home_yot"
    PERSONAL_ADVISER = "personal_adviser"
    PLACEMENT_PROVIDER = "placement_provider"
    PLATFORM = "platform"
    PROVIDER = "provider"
    RECORDED_BY = "recorded_by"
    RESPONSIBLE_AUTHORITY = "responsible_authority"

    def __str__(self) -> str:
        return str(self.value)
