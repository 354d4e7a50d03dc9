"""The hall server's application: the API under /api, its OpenAPI schema at
/api/openapi.json, and the refusals every client gets as one line of JSON:
401 not signed in, 403 not allowed, 422 refused input, 503 the store failed; a refusal
with a code also carries it and its parameters."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from shared.errors import Forbidden, NotSignedIn, Rejected
from shared.server.door import Door
from shared.server.feed import Broadcast
from shared.server.feed import router as feed_router
from shared.server.routes import (
    admin,
    campaigns,
    counter,
    forms,
    kiosk,
    lead,
    orders,
    people,
    scores,
)
from shared.store.failures import store_failure

log = logging.getLogger("hallq.server")
API = "/api"


def _refusal(
    status: int, reason: str, code: str | None = None, params: dict[str, str] | None = None
) -> JSONResponse:
    """`detail` in English; with a refusal's `code` and `params`, for a window to say in
    its own language."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    said: dict[str, object] = {"detail": reason}
    if code is not None:
        said |= {"code": code, "params": params or {}}
    return JSONResponse(said, status_code=status, headers=headers)


def _invalid(request: Request, error: Exception) -> JSONResponse:
    """A malformed request, named by its first fault in one line."""
    assert isinstance(error, RequestValidationError)
    first = error.errors()[0] if error.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return _refusal(422, f"{where or 'request'}: {first.get('msg', 'is not valid')}")


def _refused(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Rejected)
    status = 401 if isinstance(error, NotSignedIn) else 403 if isinstance(error, Forbidden) else 422
    return _refusal(status, error.message, error.code, error.params)


def _failed(request: Request, error: Exception) -> JSONResponse:
    """The store failed (locked, full, gone): a reason and a retry, never a traceback."""
    door: Door = request.app.state.door
    failure = store_failure(error, door.name)
    if failure is None:
        log.exception("fault answering %s %s", request.method, request.url.path)
        return _refusal(500, "the server failed to answer; the fault is in its log")
    log.warning("%s", failure.reason)
    return JSONResponse({"detail": failure.reason}, status_code=503, headers={"Retry-After": "2"})


def create_app(door: Door) -> FastAPI:
    broadcast = Broadcast()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        follower = asyncio.create_task(broadcast.follow(door))
        try:
            yield
        finally:
            broadcast.close()
            follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await follower

    app = FastAPI(
        title="hallq hall server",
        version="1",
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.door = door
    app.state.broadcast = broadcast
    for module in (people, kiosk, counter, forms, lead, orders, admin, campaigns, scores):
        app.include_router(module.router, prefix=API)
    app.include_router(feed_router)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Rejected, _refused)
    app.add_exception_handler(Exception, _failed)
    return app
