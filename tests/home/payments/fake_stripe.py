"""A stand-in for Stripe's HTTP layer: the real `stripe` library runs, only the wire is fake.

`FakeStripe` subclasses `stripe.HTTPClient` and answers with Stripe-shaped JSON (recorded
from the API's documented responses), keeping the idempotency-key semantics Stripe has:
the same key replays the first response. Webhook payloads are signed with the test secret
exactly as Stripe signs them (HMAC-SHA256 over "timestamp.payload").
"""

import hashlib
import hmac
import itertools
import json
import time
from urllib.parse import parse_qsl

import stripe

WEBHOOK_SECRET = "whsec_test_secret"
SECRET_KEY = "sk_test_fake"

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}_test_{next(_ids):06d}"


class FakeStripe(stripe.HTTPClient):
    name = "fake-stripe"

    def __init__(self, checkout_base_url: str = "https://checkout.stripe.com/c/pay"):
        super().__init__()
        self.checkout_base_url = checkout_base_url
        self.requests: list[dict] = []
        self.sessions: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.unreachable = False
        self._replies_by_key: dict[str, tuple[str, int, dict]] = {}

    # --- stripe.HTTPClient ---------------------------------------------------------
    def request(self, method, url, headers, post_data=None, *, _usage=None):
        if self.unreachable:
            raise stripe.APIConnectionError("Could not connect to Stripe (fake outage).")
        params = _decode(post_data or "")
        path = url.split("api.stripe.com", 1)[-1].split("?")[0]
        key = (headers or {}).get("Idempotency-Key")
        self.requests.append({"method": method, "path": path, "params": params, "key": key})
        if key and key in self._replies_by_key:
            return self._replies_by_key[key]
        body, status = self._route(method, path, params)
        reply = (json.dumps(body), status, {"Request-Id": new_id("req")})
        if key:
            self._replies_by_key[key] = reply
        return reply

    def close(self):
        pass

    # --- the few endpoints the site uses ---------------------------------------------
    def _route(self, method, path, params):
        if method == "post" and path == "/v1/checkout/sessions":
            return self._create_session(params), 200
        if (
            method == "post"
            and path.startswith("/v1/checkout/sessions/")
            and path.endswith("/expire")
        ):
            session = self.sessions[path.split("/")[4]]
            session["status"] = "expired"
            return session, 200
        if method == "post" and path == "/v1/refunds":
            refund = {
                "id": new_id("re"),
                "object": "refund",
                "amount": int(params.get("amount", 0)) or 0,
                "currency": "gbp",
                "payment_intent": params["payment_intent"],
                "reason": params.get("reason"),
                "status": "succeeded",
            }
            self.refunds.append(refund)
            return refund, 200
        return {"error": {"type": "invalid_request_error", "message": "Unknown path"}}, 404

    def _create_session(self, params):
        session_id = new_id("cs")
        mode = params["mode"]
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": mode,
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": sum(
                int(params[f"line_items[{i}][price_data][unit_amount]"])
                * int(params.get(f"line_items[{i}][quantity]", 1))
                for i in range(_count_items(params))
            ),
            "currency": params.get("line_items[0][price_data][currency]"),
            "customer_email": params.get("customer_email"),
            "client_reference_id": params.get("client_reference_id"),
            "metadata": {
                k[len("metadata[") : -1]: v for k, v in params.items() if k.startswith("metadata[")
            },
            "payment_intent": None,
            "subscription": None,
            "success_url": params["success_url"],
            "cancel_url": params["cancel_url"],
            "expires_at": int(params.get("expires_at", time.time() + 86400)),
            "url": f"{self.checkout_base_url}/{session_id}",
        }
        self.sessions[session_id] = session
        return session

    # --- helpers for tests --------------------------------------------------------------
    def last_session(self) -> dict:
        return list(self.sessions.values())[-1]

    def paid(self, session_id: str, *, payment_status: str = "paid") -> dict:
        """The session as Stripe reports it once the customer has paid."""
        session = dict(self.sessions[session_id])
        session["status"] = "complete"
        session["payment_status"] = payment_status
        if session["mode"] == "subscription":
            session["subscription"] = new_id("sub")
        else:
            session["payment_intent"] = new_id("pi")
        self.sessions[session_id] = session
        return session

    def posts_to(self, path: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == "post" and r["path"] == path]


def _count_items(params):
    return len({k.split("]")[0] for k in params if k.startswith("line_items[")})


def _decode(post_data: str) -> dict:
    if isinstance(post_data, bytes):
        post_data = post_data.decode()
    return dict(parse_qsl(post_data, keep_blank_values=True))


def event(event_type: str, obj: dict, *, event_id: str | None = None) -> dict:
    return {
        "id": event_id or new_id("evt"),
        "object": "event",
        "api_version": "2025-01-27.acacia",
        "created": int(time.time()),
        "type": event_type,
        "livemode": False,
        "data": {"object": obj},
    }


def signed(payload: dict | str, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None):
    """(body, Stripe-Signature header) as Stripe would send them."""
    body = payload if isinstance(payload, str) else json.dumps(payload)
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(
        secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256
    ).hexdigest()
    return body, f"t={timestamp},v1={signature}"


def deliver(client, payload: dict, **sign_kwargs):
    """POST a signed webhook through Django's test client."""
    body, header = signed(payload, **sign_kwargs)
    return client.post(
        "/payments/stripe/webhook/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
