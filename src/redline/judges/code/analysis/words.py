"""Name vocabularies: what makes an identifier a password, a secret, a token, or a security context.

Checks judge meaning from names (``reset_token``, ``DB_PASSWORD``, ``generate_otp``); keeping the word lists
in one place keeps them consistent across checks.
"""

from __future__ import annotations

import ast

from redline.judges.code.analysis.program import identifiers, words

PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "passphrase", "pw", "pass", "passcode", "passwort",
                            "pword", "mima"})
SECRET_WORDS = frozenset({"secret", "token", "credential", "credentials", "apikey", "secretkey", "privatekey",
                          "accesskey", "authtoken", "bearer"})
KEY_COMPANIONS = frozenset({"api", "secret", "private", "access", "signing", "encryption", "aes", "hmac", "jwt",
                            "auth", "master", "fernet", "crypto", "app", "session", "license", "stripe", "openai",
                            "aws", "client", "webhook", "cipher", "sign", "flask", "django"})
NOT_A_VALUE = frozenset({"field", "fields", "header", "headers", "env", "var", "variable", "name", "names",
                         "column", "col", "label", "type", "prefix", "suffix", "url", "uri", "endpoint", "route",
                         "path", "file", "filename", "dir", "regex", "re", "pattern", "param", "alg", "algorithm",
                         "algorithms", "method", "scheme", "kind", "mode", "attr", "input", "prompt", "msg",
                         "message", "error", "placeholder", "template", "length", "len", "min", "max", "expire",
                         "expires", "expiry", "exp", "ttl", "lifetime", "age", "count", "limit", "timeout", "rounds",
                         "iterations", "cost", "policy", "hash", "hashed", "form", "id", "location", "storage",
                         "cookie", "format", "description", "help", "title", "text", "example", "hint", "rule",
                         "min_length", "size", "bytes", "nbytes", "entropy", "charset", "alphabet", "chars",
                         "characters", "key_name", "keyname", "query", "sql", "table", "mask", "masked",
                         "confirm", "confirmation", "strength", "valid", "invalid", "wrong", "incorrect", "reset",
                         "forgot", "change", "new", "old", "current", "word", "words", "lookup",
                         "index", "position", "pos", "class", "css", "selector", "id_", "ref", "style", "widget",
                         "flag", "enabled", "required", "reuse", "history", "level", "digits", "upper", "lower",
                         "number", "special", "status", "state", "usage", "version"})
TOKEN_CONTEXT = frozenset({"token", "password", "passwd", "pwd", "secret", "otp", "nonce", "salt", "session",
                           "sid", "csrf", "xsrf", "apikey", "pin", "passphrase", "totp", "hotp", "mfa", "2fa",
                           "invite", "verification", "activation", "confirmation", "magic", "reset", "auth",
                           "cookie", "credential", "credentials", "voucher", "coupon", "signing", "iv"})
CODE_COMPANIONS = frozenset({"verify", "verification", "otp", "reset", "confirm", "confirmation", "auth", "login",
                             "2fa", "mfa", "sms", "email", "invite", "access", "activation", "one", "security",
                             "recovery", "backup"})
NOT_KEY_CONTEXT = frozenset({"sort", "cache", "dict", "lookup", "primary", "foreign", "partition", "shard",
                             "hash", "bucket", "redis", "row", "column", "map", "mapping", "index", "group"})
LOG_SENSITIVE = frozenset({"password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "cvv", "cvc",
                           "ssn", "otp", "pin", "credentials", "credential", "authorization", "privatekey",
                           "cardnumber", "ccnumber", "pan", "iban", "creditcard", "mima"})
LOG_HARMLESS = frozenset({"count", "len", "length", "type", "expires", "expiry", "exp", "id", "name", "hint",
                          "policy", "field", "masked", "mask", "last4", "last", "four", "hash", "hashed", "digest",
                          "strength", "valid", "invalid", "changed", "reset_at", "at", "time", "url", "status",
                          "usage", "limit", "min", "max", "ttl", "lifetime", "requirements", "rules", "updated",
                          "created", "scope", "scopes", "kind", "prefix"})


def _joined(ws: list[str]) -> set[str]:
    """Words plus adjacent pairs glued (``api_key`` -> ``apikey``) so both spellings match."""
    out = set(ws)
    out.update(a + b for a, b in zip(ws, ws[1:], strict=False))
    return out


def is_password_name(name: str) -> bool:
    ws = words(name)
    return bool(_joined(ws) & PASSWORD_WORDS) or "password" in name.lower()


def is_secret_name(name: str) -> bool:
    """A name that holds a credential: ``DB_PASSWORD``, ``api_key``, ``SECRET_KEY``, ``auth_token``."""
    ws = words(name)
    if not ws:
        return False
    joined = _joined(ws)
    if joined & NOT_A_VALUE:
        return False
    if joined & (PASSWORD_WORDS | SECRET_WORDS):
        return "pass" not in ws or len(ws) > 1 or name.lower() == "pass"
    return "key" in ws and bool(set(ws) & KEY_COMPANIONS)


def is_token_context(name: str) -> bool:
    """A name under which a random value must be unpredictable (``reset_token``, ``generate_otp``, ``salt``)."""
    ws = words(name)
    joined = _joined(ws)
    if joined & TOKEN_CONTEXT or (PASSWORD_WORDS & joined):
        return True
    if "key" in ws and not set(ws) & NOT_KEY_CONTEXT:
        return bool(set(ws) & (KEY_COMPANIONS | {"generate", "gen", "new", "create", "make", "random"})) or ws == [
            "key"]
    if "code" in ws or "codes" in ws:
        return bool(set(ws) & CODE_COMPANIONS)
    return False


def is_log_sensitive(name: str) -> bool:
    ws = words(name)
    joined = _joined(ws)
    if joined & LOG_HARMLESS and ws[-1] not in LOG_SENSITIVE | PASSWORD_WORDS | {"key"}:
        return False
    if joined & (LOG_SENSITIVE | PASSWORD_WORDS - {"pass"}):
        return True
    if "card" in ws and bool(set(ws) & {"number", "num", "no", "data", "details", "info"}) or ws == ["card"]:
        return True
    return "key" in ws and bool(set(ws) & {"api", "secret", "private", "access", "signing"})


def leaf_name(node: ast.AST) -> str:
    """The name a value is known by: ``user.password`` -> ``password``; ``d["api_key"]`` -> ``api_key``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        return leaf_name(node.value)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "get" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return first.value
        if isinstance(func, ast.Attribute) and func.attr in ("encode", "decode", "strip", "lower", "upper"):
            return leaf_name(func.value)
        return leaf_name(func)
    return ""


def mentions_password(node: ast.AST) -> bool:
    return any(is_password_name(n) for n in identifiers(node))
