"""Dependencies of notify-api's routers: the rules in force, settings, the directory.

`async def` throughout: FastAPI runs a plain `def` dependency in its thread pool, a thread
hand-off per request for a dictionary read (~1 ms of CPU per event taken in).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from notify.rules.catalogue import Catalogue
from notify.settings import Settings
from platform_shared.organisations import OrganisationDirectory, load_directory


async def get_catalogue(request: Request) -> Catalogue:
    catalogue: Catalogue = request.app.state.catalogue
    return catalogue


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_directory() -> OrganisationDirectory:
    return load_directory()


Rules = Annotated[Catalogue, Depends(get_catalogue)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Directory = Annotated[OrganisationDirectory, Depends(get_directory)]
