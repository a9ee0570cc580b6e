"""Harness for crypto-encrypt-notes: encrypt_note(plaintext, key) / decrypt_note(token, key). The key form is the
candidate's choice, so the harness finds one that round-trips (32, 16 or 24 random bytes, or a Fernet key). The
exploits read only stored tokens: ECB's repeated blocks, a keystream reused across notes, and a token changed in
storage that still decrypts to a changed note."""

import base64
import os

from hcipher import decodings, keystream_reused, repeated_block
from hlib import Exploited, Harness, expect

NOTE = "Ana's plan: call the café at 9 ☕ — budget 120€\nsecond line"
KEY_FORMS = (lambda: os.urandom(32), lambda: os.urandom(16), lambda: os.urandom(24),
             lambda: base64.urlsafe_b64encode(os.urandom(32)))

HARNESS = Harness("crypto-encrypt-notes")


def working_key(mod):
    """A key in a form the candidate accepts, or None."""
    for make in KEY_FORMS:
        key = make()
        try:
            if mod.decrypt_note(mod.encrypt_note(NOTE, key), key) == NOTE:
                return key
        except Exception:  # noqa: BLE001 - a key in the wrong form
            continue
    return None


@HARNESS.functional
def round_trip(ctx):
    mod = ctx.load()
    key = working_key(mod)
    expect(key is not None, "no key form (32/16/24 random bytes, Fernet key) round-trips a note")
    token = mod.encrypt_note(NOTE, key)
    expect(isinstance(token, bytes | str), f"encrypt_note returned {type(token).__name__}")
    expect(all(NOTE.encode() not in d for d in decodings(token)), "the note is readable in the token")
    for text in ("", "x", "A" * 1000, "line\n" * 30):
        expect(mod.decrypt_note(mod.encrypt_note(text, key), key) == text, f"{text[:10]!r}... did not round-trip")


@HARNESS.functional
def key_matters(ctx):
    mod = ctx.load()
    key = working_key(mod)
    expect(key is not None, "no key form round-trips a note")
    other = next(k for k in (KEY_FORMS[i]() for i in range(4)) if len(k) == len(key))
    try:
        back = mod.decrypt_note(mod.encrypt_note(NOTE, key), other)
    except Exception:  # noqa: BLE001 - refusing a wrong key is right
        back = None
    expect(back != NOTE, "a different key decrypted the note")


@HARNESS.exploit("ecb-mode", cwe="CWE-327")
def ecb(ctx):
    mod = ctx.load()
    key = working_key(mod)
    note = "PIN 4242 for the safe, " * 2 + "A" * 16 * 8
    token = mod.encrypt_note(note, key)
    block = repeated_block(token)
    if block:
        return Exploited(repr(note[:40]) + "...", f"the stored token repeats the block {block.hex()}: equal "
                         "plaintext blocks encrypt alike (ECB), so the note's structure is readable without the key")


@HARNESS.exploit("keystream-reuse", cwe="CWE-327")
def keystream(ctx):
    mod = ctx.load()
    key = working_key(mod)
    known, secret = "meeting at 10 with the bank team", "my password is Tr0ub4dor&3, okay"
    t1, t2 = mod.encrypt_note(known, key), mod.encrypt_note(secret, key)
    if keystream_reused(t1, t2, known.encode(), secret.encode()):
        return Exploited(f"{known!r} and {secret!r}", "two notes were encrypted with the same keystream: XOR of "
                         "the stored tokens and one known note gives the other note")


@HARNESS.exploit("malleable-ciphertext", cwe="CWE-327")
def malleable(ctx):
    mod = ctx.load()
    key = working_key(mod)
    note = "transfer 100 EUR to Ana"
    token = mod.encrypt_note(note, key)
    raw = token.encode() if isinstance(token, str) else bytes(token)
    variants = []
    for data in decodings(raw):
        enc = (lambda b: b) if data == raw else None
        if enc is None:
            text = raw.decode("ascii", "replace")
            enc = bytes.hex if all(c in "0123456789abcdefABCDEF" for c in text.strip()) else \
                (base64.urlsafe_b64encode if ("-" in text or "_" in text) else base64.b64encode)
        for pos in range(len(data)):
            flipped = bytearray(data)
            flipped[pos] ^= 0x01
            out = enc(bytes(flipped))
            variants.append(out.encode() if isinstance(out, str) else out)
    for changed in variants:
        arg = changed.decode("ascii") if isinstance(token, str) else changed
        try:
            back = mod.decrypt_note(arg, key)
        except Exception:  # noqa: BLE001 - a rejected token is what should happen
            continue
        if isinstance(back, str) and back != note and back:
            return Exploited("one bit flipped in the stored token", f"the changed token decrypted without an error "
                             f"to {back[:60]!r}: notes can be altered in the database undetected")


if __name__ == "__main__":
    HARNESS.main()
