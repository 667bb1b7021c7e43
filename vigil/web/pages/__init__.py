"""Server-rendered pages, one module each: sign in, the live queue, on-call cover, a case, a
patient, the patient simulator. `common` holds what they share; web/app mounts `router`."""

from fastapi import APIRouter

from . import case, cover, patient, queue, signin, simulator
from .common import LoginRequired

router = APIRouter()
for _page in (signin, queue, cover, case, patient, simulator):
    router.include_router(_page.router)

__all__ = ["LoginRequired", "router"]
