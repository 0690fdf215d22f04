"""Signing in from a browser: passwords, API keys, the session cookie, CSRF, sign-out; the app's URLs."""

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.db.tables import AuditEvent, WebSession
from app.domain.web_sessions import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, set_password
from app.rest.web import DIST

VIEWER = {"query": "{ viewer { username } }"}
RENAME = {"query": 'mutation { updateUser(input: {name: "Alice A."}) { user { fullName } } }'}


async def give_password(runtime, username: str, password: str = "correct horse battery") -> None:
    async with runtime.session_factory.begin() as session:
        await set_password(session, username, password)


async def sign_in(http, **body):
    return await http.post("/login", json=body)


async def test_password_sign_in_sets_an_httponly_lax_cookie_and_the_viewer_follows_it(http, runtime, alice):
    await give_password(runtime, "alice")
    response = await sign_in(http, username="alice", password="correct horse battery")
    assert response.status_code == 200 and response.json() == {"username": "alice"}
    cookies = response.headers.get_list("set-cookie")
    session_cookie = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie and "Secure" not in session_cookie
    csrf_cookie = next(c for c in cookies if c.startswith(CSRF_COOKIE + "="))
    assert "HttpOnly" not in csrf_cookie
    viewer = await http.post("/graphql", json=VIEWER, headers={CSRF_HEADER: http.cookies[CSRF_COOKIE]})
    assert viewer.json() == {"data": {"viewer": {"username": "alice"}}}
    # GET queries carry no CSRF header and need none (they change nothing).
    read = await http.get("/graphql", params=VIEWER)
    assert read.json() == {"data": {"viewer": {"username": "alice"}}}


async def test_email_signs_in_too_and_the_cookie_is_secure_behind_https(http, runtime, alice):
    await give_password(runtime, "alice")
    response = await http.post(
        "https://testserver/login", json={"username": "ALICE@example.com", "password": "correct horse battery"}
    )
    assert response.status_code == 200
    assert all("Secure" in c for c in response.headers.get_list("set-cookie"))


@pytest.mark.parametrize(
    "login,password",
    [("alice", "wrong password!"), ("nobody", "correct horse battery"), ("bob", "correct horse battery")],
)
async def test_a_wrong_pair_is_refused_with_a_clear_sentence_and_no_session(http, runtime, alice, bob, login, password):
    await give_password(runtime, "alice")  # bob has no password: only his API key signs him in
    response = await sign_in(http, username=login, password=password)
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "Wrong username, email or password."
    assert SESSION_COOKIE not in http.cookies
    async with runtime.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(WebSession)) == 0


async def test_an_api_key_signs_in_and_a_bad_one_does_not(http, alice):
    bad = await sign_in(http, apiKey="local-" + "x" * 40)
    assert bad.status_code == 401 and "invalid API key" in bad.json()["errors"][0]["message"]
    good = await sign_in(http, apiKey=alice.key)
    assert good.status_code == 200 and good.json() == {"username": "alice"}


async def test_a_cookie_post_without_the_csrf_header_is_refused_and_changes_nothing(http, gql, alice):
    await sign_in(http, apiKey=alice.key)
    for headers in ({}, {CSRF_HEADER: "0" * 64}):
        refused = await http.post("/graphql", json=RENAME, headers=headers)
        assert refused.status_code == 403 and "CSRF" in refused.json()["errors"][0]["message"]
    http.cookies.clear()
    assert (await gql.data("{ viewer { fullName } }", key=alice.key))["viewer"]["fullName"] != "Alice A."
    # An API-key client is unchanged: no cookie, no CSRF header.
    assert (await gql.data(RENAME["query"], key=alice.key))["updateUser"]["user"]["fullName"] == "Alice A."


async def test_sign_in_from_another_site_is_refused(http, alice):
    response = await http.post("/login", json={"apiKey": alice.key}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403 and SESSION_COOKIE not in http.cookies
    same = await http.post("/login", json={"apiKey": alice.key}, headers={"origin": "http://testserver"})
    assert same.status_code == 200


async def test_sign_out_ends_the_session_on_the_server(http, runtime, alice):
    await sign_in(http, apiKey=alice.key)
    token, csrf = http.cookies[SESSION_COOKIE], http.cookies[CSRF_COOKIE]
    assert (await http.post("/logout")).status_code == 403  # no CSRF header
    out = await http.post("/logout", headers={CSRF_HEADER: csrf})
    assert out.status_code == 200 and SESSION_COOKIE not in http.cookies
    http.cookies.set(SESSION_COOKIE, token)
    replay = await http.post("/graphql", json=VIEWER, headers={CSRF_HEADER: csrf})
    assert replay.status_code == 401 and "sign in again" in replay.json()["errors"][0]["message"]
    async with runtime.session_factory() as session:
        actions = (await session.scalars(select(AuditEvent.action).order_by(AuditEvent.id))).all()
    assert actions[-2:] == ["web_session.create", "web_session.delete"]


async def test_setting_a_password_signs_out_every_browser(http, runtime, alice):
    await give_password(runtime, "alice")
    await sign_in(http, username="alice", password="correct horse battery")
    await give_password(runtime, "alice", "a brand new password")
    response = await http.post("/graphql", json=VIEWER, headers={CSRF_HEADER: http.cookies[CSRF_COOKIE]})
    assert response.status_code == 401


def test_set_password_command_reads_standard_input(tmp_path):
    env = {"LABBOOK_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}

    def cli(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "app", *args], env=env, input=stdin, capture_output=True, text=True, timeout=60
        )

    assert cli("migrate").returncode == 0
    assert cli("create-user", "--email", "carol@example.com", "--username", "carol").returncode == 0
    assert "at least 8" in cli("set-password", "--user", "carol", stdin="short\n").stderr
    assert "no user named nobody" in cli("set-password", "--user", "nobody", stdin="long enough pass\n").stderr
    done = cli("set-password", "--user", "carol", stdin="long enough pass\n")
    assert done.returncode == 0 and "password set for carol" in done.stdout


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/login",
        "/settings",
        "/alice",
        "/alice/mnist",
        "/alice/mnist/runs/abc",
        "/teams/example-team",
        "/alice/mnist?workspace=user-alice",
        "/alice/mnist/artifacts",
        "/alice/mnist/artifacts/dataset/mnist.csv",
        "/alice/mnist/artifacts/model/net.v2/v1",
        "/alice/mnist/runs/run.1",
    ],
)
async def test_the_app_urls_serve_index_html(http, path):
    response = await http.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert '<div id="app">' in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/nothing",
        "/sdk/x",
        "/files/a/b/c",
        "/storage",
        "/graphql/extra",
        "/metrics/extra",
        "/alice/mnist/favicon.png",
        "/assets/missing.js",
        "/../pyproject.toml",
    ],
)
async def test_api_prefixes_and_unknown_files_are_not_the_app(http, path):
    response = await http.get(path)
    assert response.status_code == 404
    assert '<div id="app">' not in response.text


async def test_built_assets_are_served_and_api_routes_are_not_shadowed(http):
    assets = sorted((DIST / "assets").glob("*.js"))
    assert assets, "the committed build has no JavaScript"
    response = await http.get(f"/assets/{assets[0].name}")
    assert response.status_code == 200 and "immutable" in response.headers["cache-control"]
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    assert (await http.post("/graphql", json={"query": "{ viewer { username } }"})).json() == {"data": {"viewer": None}}


async def test_a_signed_in_person_changes_their_password_and_other_browsers_sign_out(app, runtime, alice):
    import httpx

    await give_password(runtime, "alice")
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as here,
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as elsewhere,
    ):
        for browser in (here, elsewhere):
            await sign_in(browser, username="alice", password="correct horse battery")
        csrf = {CSRF_HEADER: here.cookies[CSRF_COOKIE]}
        assert (await here.post("/password", json={"newPassword": "another password"})).status_code == 403
        wrong = await here.post(
            "/password", json={"currentPassword": "nope", "newPassword": "another password"}, headers=csrf
        )
        assert wrong.status_code == 403 and "current password is wrong" in wrong.json()["errors"][0]["message"]
        short = await here.post(
            "/password", json={"currentPassword": "correct horse battery", "newPassword": "x"}, headers=csrf
        )
        assert short.status_code == 400 and "at least 8" in short.json()["errors"][0]["message"]
        done = await here.post(
            "/password",
            json={"currentPassword": "correct horse battery", "newPassword": "another password"},
            headers=csrf,
        )
        assert done.status_code == 200
        assert (await here.post("/graphql", json=VIEWER, headers=csrf)).json()["data"]["viewer"] == {
            "username": "alice"
        }
        gone = await elsewhere.post("/graphql", json=VIEWER, headers={CSRF_HEADER: elsewhere.cookies[CSRF_COOKIE]})
        assert gone.status_code == 401
        assert (await sign_in(elsewhere, username="alice", password="correct horse battery")).status_code == 401
        assert (await sign_in(elsewhere, username="alice", password="another password")).status_code == 200


def test_the_apps_javascript_stays_within_400_kb_gzipped():
    import gzip

    total = sum(len(gzip.compress(path.read_bytes())) for path in (DIST / "assets").glob("*.js"))
    assert 0 < total <= 400 * 1024, total


@pytest.mark.parametrize(
    "method,path", [("POST", "/alice/mnist"), ("PUT", "/api/x"), ("DELETE", "/"), ("POST", "/files/a/b/c/d")]
)
async def test_other_methods_on_unknown_routes_stay_404(http, method, path):
    response = await http.request(method, path)
    assert response.status_code == 404 and response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
