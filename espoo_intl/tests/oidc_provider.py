"""A small OpenID Connect provider for the tests, on a spare loopback port: the authorization
code flow with PKCE (S256), ID tokens signed with RS256 by a key made at start, the keys
published as JWKS, and a userinfo endpoint. It signs in whoever the test names
(`provider.next_claims`), without a login page.

    with OidcProvider(client_id="portal", client_secret="...") as provider:
        provider.next_claims = {"sub": "1", "preferred_username": "matti", "groups": [...]}
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

__all__ = ["OidcProvider"]


def _private_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        op = self.server.provider
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/jwks":
            return self._json(200, {"keys": [op.jwk]})
        if url.path == "/userinfo":
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            claims = op.access_tokens.get(token)
            return self._json(200, claims) if claims else self._json(401, {"error": "token"})
        if url.path == "/authorize":
            return self._authorize(op, query)
        return self._json(404, {"error": "not found"})

    def _authorize(self, op, query):
        if query.get("client_id") != op.client_id or query.get("response_type") != "code":
            return self._json(400, {"error": "invalid_request"})
        code = secrets.token_urlsafe(16)
        op.codes[code] = {
            "claims": dict(op.next_claims),
            "nonce": query.get("nonce"),
            "redirect_uri": query["redirect_uri"],
            "challenge": query.get("code_challenge"),
        }
        back = urlencode({"code": code, "state": query["state"]})
        self.send_response(302)
        self.send_header("Location", f"{query['redirect_uri']}?{back}")
        self.end_headers()

    def do_POST(self):
        op = self.server.provider
        if urlsplit(self.path).path != "/token":
            return self._json(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        grant = op.codes.pop(form.get("code", ""), None)  # a code is good once
        if (
            grant is None
            or form.get("client_id") != op.client_id
            or form.get("client_secret") != op.client_secret
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return self._json(400, {"error": "invalid_grant"})
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if grant["challenge"] and challenge.decode() != grant["challenge"]:
            return self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
        now = int(time.time())
        claims = grant["claims"]
        id_token = jwt.encode(
            {
                "iss": op.url,
                "sub": claims["sub"],
                "aud": op.client_id,
                "iat": now,
                "exp": now + 300,
                "nonce": grant["nonce"],
            },
            op.signing_key,
            algorithm="RS256",
            headers={"kid": op.kid},
        )
        access_token = secrets.token_urlsafe(24)
        op.access_tokens[access_token] = claims
        return self._json(
            200,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            },
        )


class OidcProvider:
    def __init__(self, *, client_id: str, client_secret: str):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = _private_key()
        self.signing_key = self.key  # a test may swap in another key to forge tokens
        self.kid = secrets.token_hex(4)
        self.jwk = {
            **jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True),
            "kid": self.kid,
            "alg": "RS256",
            "use": "sig",
        }
        self.next_claims: dict = {}
        self.codes: dict = {}
        self.access_tokens: dict = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.provider = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def forge(self) -> None:
        """Sign the next ID tokens with a key the provider never published."""
        self.signing_key = _private_key()

    @property
    def endpoints(self) -> dict:
        return {
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
        }

    def __enter__(self) -> "OidcProvider":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
