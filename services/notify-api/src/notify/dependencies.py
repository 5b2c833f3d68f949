"""Dependencies of notify-api's routers: the rules in force, settings, the directory."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from notify.rules.catalogue import Catalogue
from notify.settings import Settings
from platform_shared.organisations import OrganisationDirectory, load_directory


def get_catalogue(request: Request) -> Catalogue:
    catalogue: Catalogue = request.app.state.catalogue
    return catalogue


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_directory() -> OrganisationDirectory:
    return load_directory()


Rules = Annotated[Catalogue, Depends(get_catalogue)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Directory = Annotated[OrganisationDirectory, Depends(get_directory)]
