"""Password checks: storage with a slow salted KDF, and constant-time comparison of secrets.

A fast hash (MD5, SHA-*) of a password can be brute-forced offline; plaintext storage needs no brute force.
Comparing a hash, token or signature with ``==`` leaks how many leading bytes matched.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.analysis.flow import Taint, resolve
from redline.judges.code.analysis.hinted import hinted
from redline.judges.code.analysis.program import (
    Program,
    arg,
    const_str,
    const_strings,
    finding,
    identifiers,
    kwarg,
    words,
)
from redline.judges.code.analysis.scope import resolve_int
from redline.judges.code.analysis.trees import child_nodes, walk
from redline.judges.code.analysis.words import is_password_name, leaf_name
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

FAST_HASHES = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384",
                         "sha3_512", "blake2b", "blake2s", "new", "shake_128", "shake_256"})
WEAK_CWE = {"md5": "CWE-328", "sha1": "CWE-328"}
HASH_MODULES = ("hashlib.", "Crypto.Hash.", "Cryptodome.Hash.", "cryptography.hazmat.primitives.hashes.")
WEAK_PASSLIB = frozenset({"md5_crypt", "hex_md5", "hex_sha1", "hex_sha256", "hex_sha512", "ldap_md5", "ldap_sha1",
                          "ldap_plaintext", "plaintext", "des_crypt", "bsdi_crypt", "lmhash", "nthash", "mysql323",
                          "mysql41", "postgres_md5", "oracle10", "ldap_salted_md5", "ldap_salted_sha1", "unix_disabled",
                          "apr_md5_crypt", "sun_md5_crypt", "ldap_hex_md5", "ldap_hex_sha1", "msdcc", "msdcc2"})
WEAK_DJANGO = frozenset({"md5", "unsalted_md5", "sha1", "unsalted_sha1", "crypt"})
KDF_HINTS = hinted(r"(bcrypt|argon2|scrypt|pbkdf2|generate_password_hash|make_password|set_password|hashpw|"
                       r"CryptContext|passlib|hash_password|password_hash|hasher|check_password|verify_password|"
                       r"PasswordHasher|hashlib|\.hash\(|sha\d|md5|crypt\.crypt)", re.IGNORECASE)
MIN_PBKDF2 = 100_000
SECRET_COMPARE = frozenset({"hash", "digest", "hexdigest", "signature", "sig", "hmac", "mac", "token", "password",
                            "passwd", "pwd", "secret", "apikey", "otp", "pin", "passphrase", "totp", "csrf", "xsrf",
                            "pw", "hashed", "passcode"})
NOT_SECRET_COMPARE = frozenset({"confirm", "confirmation", "repeat", "again", "type", "count", "len", "length",
                                "expires", "expiry", "exp", "name", "kind", "version", "format", "prefix", "id",
                                "algorithm", "alg", "scheme", "method", "status", "new", "old", "at", "field",
                                "header", "min", "max", "policy", "strength"})


TRANSPARENT = frozenset({"encode", "decode", "strip", "lower", "upper", "str", "bytes", "bytearray", "format",
                         "join", "rstrip", "lstrip", "casefold", "normalize", "b", "bytes_"})


def _password_input(program: Program, node: ast.expr | None, depth: int = 0) -> bool:
    """The value is a password as typed (possibly encoded, salted or concatenated), not a KDF's output."""
    if node is None or depth > 4:
        return False
    stack: list[ast.AST] = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, ast.Call):
            func = cur.func
            fname = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if fname == "get" and cur.args and is_password_name(const_str(cur.args[0]) or ""):
                return True
            if fname in TRANSPARENT:
                stack.extend(cur.args)
                if isinstance(func, ast.Attribute):
                    stack.append(func.value)
        elif isinstance(cur, ast.Name):
            if is_password_name(cur.id):
                return True
            resolved = resolve(program, cur)
            if resolved != [cur] and any(_password_input(program, v, depth + 1) for v in resolved):
                return True
        elif isinstance(cur, ast.Attribute):
            if is_password_name(cur.attr):
                return True
        elif isinstance(cur, ast.Subscript):
            if is_password_name(const_str(cur.slice) or ""):
                return True
            stack.append(cur.value)
        elif isinstance(cur, (ast.BinOp, ast.JoinedStr, ast.FormattedValue, ast.Tuple, ast.List)):
            stack.extend(child_nodes(cur))
    return False


def _fast_hash_findings(program: Program) -> list[Finding]:
    out = []
    objects: dict[str, ast.Call] = {}
    for call in program.calls:
        name = program.call_name(call)
        algo = name.split(".")[-1].lower()
        if not name.startswith(HASH_MODULES) or algo not in FAST_HASHES:
            continue
        data = arg(call, 1 if algo == "new" else 0, "data") or arg(call, 1 if algo == "new" else 0, "string")
        if algo == "new":
            algo = (const_str(arg(call, 0, "name")) or "sha256").lower()
        parent = program.parent(call)
        if isinstance(parent, ast.Assign):
            for target in parent.targets:
                if isinstance(target, ast.Name):
                    objects[target.id] = call
        if _password_input(program, data):
            out.append(_fast_finding(call, algo, data))
    for call in program.calls:  # h = hashlib.sha256(); h.update(password)
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "update" and isinstance(func.value, ast.Name) and \
                func.value.id in objects and call.args and _password_input(program, call.args[0]):
            algo = program.call_name(objects[func.value.id]).split(".")[-1].lower()
            out.append(_fast_finding(call, algo, call.args[0]))
    return out


def _fast_finding(call: ast.Call, algo: str, data: ast.expr | None) -> Finding:
    salted = data is not None and any("salt" in n for n in identifiers(data))
    return finding("password-hash-strong", WEAK_CWE.get(algo, "CWE-916"), "high", call,
                   f"password hashed with fast {algo}{'' if salted else ' without a salt'}; use bcrypt, argon2, "
                   "scrypt or PBKDF2 with >= 100k iterations")


def _kdf_findings(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        last = name.split(".")[-1]
        if last == "pbkdf2_hmac" or last == "PBKDF2HMAC" or last in ("pbkdf2", "PBKDF2"):
            iters = resolve_int(program, arg(call, 3, "iterations") if last == "pbkdf2_hmac" else
                               kwarg(call, "iterations") or kwarg(call, "count") or arg(call, 2, "iterations"))
            if iters is not None and iters < MIN_PBKDF2:
                out.append(finding("password-hash-strong", "CWE-916", "medium", call,
                                   f"PBKDF2 with {iters} iterations (< {MIN_PBKDF2})"))
            salt = arg(call, 2, "salt") if last == "pbkdf2_hmac" else kwarg(call, "salt")
            if salt is not None and all(isinstance(v, ast.Constant) for v in resolve(program, salt)):
                out.append(finding("password-hash-strong", "CWE-760", "medium", call, "constant salt for a KDF"))
        elif last == "scrypt" and name.startswith("hashlib"):
            n = resolve_int(program, kwarg(call, "n"))
            if n is not None and n < 2**14:
                out.append(finding("password-hash-strong", "CWE-916", "medium", call, f"scrypt with n={n} (< 2**14)"))
        elif last == "gensalt":
            rounds = resolve_int(program, arg(call, 0, "rounds"))
            if rounds is not None and rounds < 10:
                out.append(finding("password-hash-strong", "CWE-916", "medium", call, f"bcrypt cost {rounds} (< 10)"))
        elif last == "generate_password_hash":
            method = (const_str(arg(call, 1, "method")) or "").lower()
            if method.startswith(("sha", "md5", "plain")) or method in ("", ) and kwarg(call, "method") is not None:
                out.append(finding("password-hash-strong", "CWE-916", "high", call,
                                   f"generate_password_hash(method={method!r}) is a fast hash"))
            match = re.match(r"pbkdf2:[\w-]+:(\d+)", method)
            if match and int(match.group(1)) < MIN_PBKDF2:
                out.append(finding("password-hash-strong", "CWE-916", "medium", call,
                                   f"PBKDF2 with {match.group(1)} iterations (< {MIN_PBKDF2})"))
        elif last == "make_password" and (const_str(arg(call, 2, "hasher")) or "").lower() in WEAK_DJANGO:
            out.append(finding("password-hash-strong", "CWE-916", "high", call, "Django password hasher is fast"))
        elif last in WEAK_PASSLIB and "passlib" in name:
            out.append(finding("password-hash-strong", "CWE-916", "high", call, f"passlib {last} is weak"))
        elif last == "CryptContext":
            schemes = const_strings(kwarg(call, "schemes"))
            if schemes and schemes[0] in WEAK_PASSLIB:
                out.append(finding("password-hash-strong", "CWE-916", "high", call,
                                   f"CryptContext default scheme {schemes[0]} is weak"))
        elif last in ("b64encode", "urlsafe_b64encode", "b32encode", "hexlify") and call.args and \
                _password_input(program, call.args[0]) and "Basic" not in program.code and \
                "Authorization" not in program.code:
            out.append(finding("password-hash-strong", "CWE-261", "high", call, "password only encoded, not hashed"))
    return out


def _plain_password(node: ast.expr | None) -> bool:
    """A password value as received (a name, attribute, item or ``.get("password")``), not derived by a call."""
    if node is None or isinstance(node, ast.Constant):
        return False
    if isinstance(node, ast.Call):
        func = node.func
        return isinstance(func, ast.Attribute) and func.attr == "get" and is_password_name(leaf_name(node))
    leaf = leaf_name(node)
    return bool(leaf) and is_password_name(leaf) and not any(w in words(leaf) for w in ("hash", "hashed", "digest"))


def _plaintext_site(program: Program, node: ast.AST) -> bool:
    if isinstance(node, ast.Call):
        method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if method in ("execute", "executemany") and len(node.args) > 1:
            sql = " ".join(const_str(s) or "" for s in walk(node.args[0])).lower()
            params = node.args[1]
            elts = params.elts if isinstance(params, (ast.Tuple, ast.List)) else [params]
            if re.search(r"\b(insert|update)\b", sql) and any(_plain_password(e) for e in elts):
                return True
        name = program.call_name(node).split(".")[-1]
        storing = name[:1].isupper() or name in ("create", "insert_one", "insert", "create_user", "update_one",
                                                 "set", "hset", "add", "put_item", "update")
        return storing and any(kw.arg and is_password_name(kw.arg) and _plain_password(kw.value)
                               for kw in node.keywords)
    if isinstance(node, ast.Assign) and _plain_password(node.value):
        return any(isinstance(t, ast.Subscript) or isinstance(t, ast.Attribute) and is_password_name(t.attr)
                   for t in node.targets)
    if isinstance(node, ast.Dict):
        return _stored_dict(program, node) and any(
            key is not None and is_password_name(const_str(key) or "") and _plain_password(value)
            for key, value in zip(node.keys, node.values, strict=False))
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        left, right = node.left, node.comparators[0]
        return _plain_password(left) and _plain_password(right) and not _both_input(program, left, right)
    return False


def _stores_plaintext(program: Program) -> list[Finding]:
    """Without any hashing in the program, a password value stored or compared as is means plaintext storage."""
    if KDF_HINTS.search(program.code):
        return []
    for node in walk(program.tree):
        if _plaintext_site(program, node):
            return [finding("password-hash-strong", "CWE-256", "high", node,
                            "password stored or compared in plaintext (no hashing anywhere in the code)")]
    return []


def _stored_dict(program: Program, node: ast.Dict) -> bool:
    parent = program.parent(node)
    if isinstance(parent, ast.Assign):
        return any(isinstance(t, ast.Subscript) for t in parent.targets)
    if isinstance(parent, ast.Call):
        name = program.call_name(parent).split(".")[-1]
        return name in ("append", "insert_one", "insert", "dump", "set", "update", "setdefault", "hset", "put_item")
    return False


def _both_input(program: Program, left: ast.expr, right: ast.expr) -> bool:
    user = Taint(program, untrusted=False)
    return user.tainted(left) and user.tainted(right)


HASHING_CALL = hinted(r"(bcrypt|argon2|scrypt|pbkdf2|generate_password_hash|make_password|hashpw|passlib|"
                          r"CryptContext|PasswordHasher|hashlib|sha\d|md5|blake2|crypt|hmac|\bhash$|\.hash$)",
                          re.IGNORECASE)


def _non_hashing_hash_functions(program: Program) -> list[Finding]:
    """A function named for hashing a password (``hash_password``, ``hashPw``) that returns the password, or a
    mere encoding of it, without calling any hash: plaintext storage behind a reassuring name."""
    local = {n.name for n in walk(program.tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for fn in walk(program.tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or "hash" not in words(fn.name):
            continue
        params = {a.arg for a in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]
                  if is_password_name(a.arg)}
        if not params:
            continue
        calls = [program.call_name(c) for c in walk(fn) if isinstance(c, ast.Call)]
        if any(HASHING_CALL.search(name) or name.split(".")[-1] in local for name in calls):
            continue  # hashes, or delegates to a helper of this program we do not follow here
        for ret in walk(fn):
            if isinstance(ret, ast.Return) and ret.value is not None and any(
                    isinstance(n, ast.Name) and n.id in params for n in walk(ret.value)):
                return [finding("password-hash-strong", "CWE-256", "high", ret,
                                f"{fn.name}() returns the password without hashing it")]
    return []


@check("password-hash-strong", cwes=("CWE-916", "CWE-759", "CWE-328", "CWE-327", "CWE-256"),
       title="passwords hashed with a slow salted KDF")
def check_password_hash(program: Program) -> list[Finding]:
    return (_fast_hash_findings(program) + _kdf_findings(program) + _stores_plaintext(program)
            + _non_hashing_hash_functions(program))


def _secretish(node: ast.expr) -> bool:
    leaf = leaf_name(node)
    if not leaf:
        return False
    ws = set(words(leaf))
    glued = {a + b for a, b in zip(words(leaf), words(leaf)[1:], strict=False)}
    return bool((ws | glued) & SECRET_COMPARE) and not ws & NOT_SECRET_COMPARE


@check("password-verify-constant-time", cwes=("CWE-208",), title="secrets compared in constant time")
def check_constant_time(program: Program) -> list[Finding]:
    user = Taint(program, untrusted=False)
    out = []
    for node in walk(program.tree):
        if not isinstance(node, ast.Compare) or len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq,
                                                                                                  ast.NotEq)):
            continue
        left, right = node.left, node.comparators[0]
        if any(isinstance(side, (ast.Constant, ast.List, ast.Tuple, ast.Dict)) for side in (left, right)):
            continue
        if any(isinstance(side, ast.Call) and isinstance(side.func, ast.Name) and side.func.id in ("len", "type",
                                                                                                  "int", "bool")
               for side in (left, right)):
            continue
        if not (_secretish(left) or _secretish(right)):
            continue
        if user.tainted(left) and user.tainted(right):
            continue
        if _in_test_code(program, node):
            continue
        out.append(finding("password-verify-constant-time", "CWE-208", "medium", node,
                           "secret compared with ==; use hmac.compare_digest or the hashing library's verify()"))
    return out


def _in_test_code(program: Program, node: ast.AST) -> bool:
    func = program.enclosing_function(node)
    return func is not None and func.name.startswith("test")
