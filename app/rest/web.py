"""The web app: signing in and out, the built single-page app (app/web/dist) and its URLs.

Mount these routes last: the catch-all serves index.html for the app's own URLs and must not
shadow an API route. Paths under the API's prefixes, and paths with a file extension that the
build does not hold, answer 404.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from app.domain import web_sessions
from app.domain.errors import DomainError
from app.rest.auth import error_response

DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
# First path segments that belong to the server, never to the app.
RESERVED = {
    "graphql",
    "files",
    "storage",
    "healthz",
    "readyz",
    "ready",
    "metrics",
    "api",
    "sdk",
    "assets",
    "logout",
    "password",
    "static",
}
APP_SECTIONS = {"artifacts", "runs"}
ANY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
NO_CACHE = {"cache-control": "no-cache"}
IMMUTABLE = {"cache-control": "public, max-age=31536000, immutable"}


async def sign_in(request: Request) -> Response:
    """POST /login with JSON {"username", "password"} or {"apiKey"}: sets the session cookies."""
    if not _same_origin(request):
        return error_response(403, "sign-in must come from this server's own pages", "FORBIDDEN")
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return error_response(400, 'send JSON: {"username": ..., "password": ...} or {"apiKey": ...}', "BAD_USER_INPUT")
    runtime = request.app.state.runtime
    try:
        async with runtime.session_factory.begin() as session:
            if body.get("apiKey"):
                signed = await web_sessions.sign_in_with_api_key(session, str(body["apiKey"]))
            else:
                signed = await web_sessions.sign_in_with_password(
                    session, str(body.get("username") or ""), str(body.get("password") or "")
                )
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    except SQLAlchemyError:
        return error_response(503, "the database is unavailable; try again shortly", "UNAVAILABLE")
    response = JSONResponse({"username": signed.user.username})
    _set_cookies(request, response, signed.token, runtime.secret)
    return response


async def sign_out(request: Request) -> Response:
    """POST /logout (with the CSRF header): the session ends and the cookies are cleared."""
    token = request.cookies.get(web_sessions.SESSION_COOKIE)
    runtime = request.app.state.runtime
    if token:
        if not web_sessions.csrf_matches(runtime.secret, token, request.headers.get(web_sessions.CSRF_HEADER)):
            return error_response(403, "sign-out lacks its CSRF token (the X-Labbook-CSRF header)", "FORBIDDEN")
        async with runtime.session_factory.begin() as session:
            await web_sessions.sign_out(session, token)
    response = JSONResponse({"signedOut": True})
    response.delete_cookie(web_sessions.SESSION_COOKIE, path="/")
    response.delete_cookie(web_sessions.CSRF_COOKIE, path="/")
    return response


async def change_password(request: Request) -> Response:
    """POST /password (signed in, with the CSRF header): {"currentPassword", "newPassword"}."""
    token = request.cookies.get(web_sessions.SESSION_COOKIE)
    runtime = request.app.state.runtime
    if not token:
        return error_response(401, "sign in first", "UNAUTHENTICATED")
    if not web_sessions.csrf_matches(runtime.secret, token, request.headers.get(web_sessions.CSRF_HEADER)):
        return error_response(403, "the request lacks its CSRF token (the X-Labbook-CSRF header)", "FORBIDDEN")
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("newPassword"), str):
        return error_response(400, 'send JSON: {"currentPassword": ..., "newPassword": ...}', "BAD_USER_INPUT")
    try:
        async with runtime.session_factory.begin() as session:
            await web_sessions.change_own_password(
                session, token, str(body.get("currentPassword") or ""), body["newPassword"]
            )
    except DomainError as error:
        return error_response(error.http_status, error.message, error.code)
    return JSONResponse({"passwordChanged": True})


def _set_cookies(request: Request, response: Response, token: str, secret: bytes) -> None:
    secure = request.url.scheme == "https"
    max_age = web_sessions.SESSION_DAYS * 86400
    response.set_cookie(
        web_sessions.SESSION_COOKIE, token, max_age=max_age, path="/", httponly=True, samesite="lax", secure=secure
    )
    response.set_cookie(
        web_sessions.CSRF_COOKIE,
        web_sessions.csrf_token(secret, token),
        max_age=max_age,
        path="/",
        httponly=False,
        samesite="lax",
        secure=secure,
    )


def _same_origin(request: Request) -> bool:
    """A browser names the page that sent a POST in Origin; refuse other sites (login CSRF)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host


async def app_page(request: Request) -> Response:
    """index.html for the app's URLs; a built file for a path with an extension; 404 otherwise."""
    if request.method not in ("GET", "HEAD"):
        # As before the app existed: an unknown route is a 404 whatever the method, never a 405.
        return error_response(404, f"no route {request.method} {request.url.path}", "NOT_FOUND")
    path = request.path_params.get("path", "")
    parts = path.split("/")
    first, last = parts[0], parts[-1]
    # Artifact and run names may hold dots (mnist.csv): under /<entity>/<project>/artifacts|runs/ they are the app's.
    if "." in last and not (len(parts) > 3 and parts[2] in APP_SECTIONS):
        return _built_file(path)
    if first in RESERVED:
        return error_response(404, f"no route {request.url.path}", "NOT_FOUND")
    return _index()


async def built_asset(request: Request) -> Response:
    return _built_file("assets/" + request.path_params["path"], headers=IMMUTABLE)


def _index() -> Response:
    index = DIST / "index.html"
    if not index.is_file():
        return Response(
            "The web app is not built: run `npm ci && npm run build` in web/.", status_code=503, media_type="text/plain"
        )
    return FileResponse(index, media_type="text/html", headers=NO_CACHE)


def _built_file(path: str, headers: dict[str, str] | None = None) -> Response:
    candidate = (DIST / path).resolve()
    if DIST.resolve() not in candidate.parents or not candidate.is_file() or candidate.name == "index.html":
        return error_response(404, f"no file /{path}", "NOT_FOUND")
    return FileResponse(candidate, headers=headers or NO_CACHE)


auth_routes = [
    Route("/login", sign_in, methods=["POST"]),
    Route("/logout", sign_out, methods=["POST"]),
    Route("/password", change_password, methods=["POST"]),
]
# Last in the application's route list.
app_routes = [
    Route("/assets/{path:path}", built_asset, methods=["GET", "HEAD"]),
    Route("/", app_page, methods=ANY_METHOD),
    Route("/{path:path}", app_page, methods=ANY_METHOD),
]
routes = auth_routes + app_routes
