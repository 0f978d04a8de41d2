"""No secret reaches a log line: the redaction filter on captured logs, and the redaction helpers."""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from possync.errors import RetryableError
from possync.http import (
    ApiClient,
    ClientSettings,
    RetryPolicy,
    basic_token,
    get_logger,
    redact_headers,
    redact_text,
    redact_url,
)
from possync.http.testing import FrozenClock, RecordingSleeper, WireLog
from possync_sandbox.server import running

CK = "ck_" + "a1" * 20
CS = "cs_" + "b2" * 20
PASSWORD = "hunter2-very-secret"
TOKEN = basic_token("90001-1", PASSWORD)
BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl_-x"
SIGNATURE = "tR3+Ty81lMeYAr/Fid0kMTYa/WM="
OAUTH = (
    f'OAuth oauth_consumer_key="key-90001", oauth_nonce="f00dfeed", '
    f'oauth_signature="{quote(SIGNATURE, safe="")}", oauth_signature_method="HMAC-SHA256"'
)
AUTH_VALUES = {
    "Basic": (f"Basic {TOKEN}", [TOKEN]),
    "Bearer": (f"Bearer {BEARER}", [BEARER]),
    "OAuth": (OAUTH, [SIGNATURE, quote(SIGNATURE, safe=""), "key-90001", "f00dfeed"]),
}
TEXTUAL_FORMS = {
    "header line": lambda v: f"Authorization: {v}\r\nAccept: application/json",
    "dict repr": lambda v: str({"Host": "pos.example", "Authorization": v}),
    "JSON": lambda v: json.dumps({"authorization": v}),
    "JSON in JSON": lambda v: json.dumps({"headers": json.dumps({"Authorization": v})}),
    "raw header tuples": lambda v: str([(b"host", b"pos.example"), (b"authorization", v.encode())]),
    "name=value": lambda v: f"authorization={v}",
    "proxy header": lambda v: f"Proxy-Authorization: {v}",
}


def every_logged_text(records: list[logging.LogRecord]) -> str:
    return "\n".join(f"{r.getMessage()} {r.__dict__}" for r in records)


async def echo(request: Request) -> Response:
    link = f'<{request.url}&page=2>; rel="next"'
    if request.query_params.get("fail"):
        return JSONResponse({"code": "x", "message": f"bad {request.url}"}, 503)
    return JSONResponse([{"url": str(request.url)}], headers={"Link": link})


def test_redact_url_masks_secret_query_parameters_and_userinfo() -> None:
    url = f"https://user:{PASSWORD}@shop.example/wp-json/wc/v3/products?consumer_key={CK}&consumer_secret={CS}&page=2"
    safe = redact_url(url)
    for secret in (CK, CS, PASSWORD):
        assert secret not in safe
    assert "page=2" in safe
    assert "shop.example/wp-json/wc/v3/products" in safe


def test_redact_text_masks_authorization_oauth_and_key_shapes() -> None:
    text = (
        f'Authorization: OAuth oauth_consumer_key="{CK}", oauth_signature="abc%2Bdef%3D", '
        f'oauth_nonce="n1"\nkey {CK} secret {CS} password={PASSWORD}'
    )
    safe = redact_text(text)
    for secret in (CK, CS, "abc%2Bdef%3D", PASSWORD):
        assert secret not in safe
    assert redact_headers({"Authorization": "Basic Zm9vOmJhcg==", "Accept": "json"}) == {
        "Authorization": "***",
        "Accept": "json",
    }


@pytest.mark.parametrize("scheme", list(AUTH_VALUES))
@pytest.mark.parametrize("form", list(TEXTUAL_FORMS))
def test_redact_text_masks_authorization_values_in_every_textual_form(scheme: str, form: str) -> None:
    value, secrets = AUTH_VALUES[scheme]
    safe = redact_text(TEXTUAL_FORMS[form](value))
    for secret in secrets:
        assert secret not in safe
    assert f"{scheme} ***" in safe


def test_basic_token_is_the_credential_httpx_sends() -> None:
    request = httpx.Request("GET", "https://pos.example/")
    request = next(httpx.BasicAuth("90001-1", PASSWORD).auth_flow(request))
    assert request.headers["Authorization"] == f"Basic {TOKEN}"


async def test_no_secret_in_any_log_line_with_basic_auth_and_query_keys(
    clock: FrozenClock, sleeper: RecordingSleeper, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = Starlette(routes=[Route("/echo", echo)])
    with running(app) as server:
        client = ApiClient(
            ClientSettings(name="shop", base_url=server.base_url),
            auth=httpx.BasicAuth(CK, CS),
            retry=RetryPolicy(max_attempts=2),
            clock=clock,
            sleep=sleeper,
            secrets=[CK, CS],
        )
        wire = WireLog()
        wire.attach(client.http)
        async with client:
            await client.get_json("echo", params={"consumer_key": CK, "consumer_secret": CS})
            with pytest.raises(RetryableError) as caught:
                await client.get_json("echo", params={"consumer_secret": CS, "fail": 1})
    get_logger("possync.test").warning("user pasted %s and %s", CS, f"password={PASSWORD}")
    logged = every_logged_text(caplog.records)
    assert caplog.records, "nothing was logged"
    assert any(r.name == "httpx" for r in caplog.records)  # httpx's own request log is covered too
    assert basic_token(CK, CS) in wire.credentials  # the headers were logged with the token in them
    for secret in (CK, CS, PASSWORD, *wire.credentials):
        assert secret not in logged
        assert secret not in str(caught.value)


def test_json_lines_carry_the_fields_and_no_secret() -> None:
    import io
    import json

    from possync.http import json_handler

    stream = io.StringIO()
    logger = logging.getLogger("possync.test.json")
    logger.addHandler(json_handler(stream))
    logger.setLevel(logging.INFO)
    try:
        logger.info(
            "response", extra={"remote": "woo", "url": f"https://s/x?consumer_secret={CS}", "status": 200}
        )
    finally:
        logger.handlers.clear()
    line = json.loads(stream.getvalue())
    assert line["remote"] == "woo"
    assert line["status"] == 200
    assert line["message"] == "response"
    assert CS not in stream.getvalue()
