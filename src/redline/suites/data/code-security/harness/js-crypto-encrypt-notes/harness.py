"""Harness for js-crypto-encrypt-notes: encryptNote / decryptNote with the key in NOTES_KEY.

The exploits look only at stored strings (what a database leak gives) and at what decryptNote accepts: repeated
16-byte blocks for a repetitive note (ECB), the same string for the same note twice or one keystream for two
notes (a fixed IV or nonce), and a stored string with one character changed that still decrypts, to another
note (no integrity check). The ciphertext analysis is the harness library's (``hcipher``).
"""

import os

from hcipher import keystream_reused, repeated_block
from hpoly import Exploited, Harness, expect

KEY_HEX = "6b" * 8 + "3d" * 8 + "a1" * 8 + "07" * 8


def setup(ctx):
    os.environ["NOTES_KEY"] = KEY_HEX


HARNESS = Harness("js-crypto-encrypt-notes", "javascript", exports=("encryptNote", "decryptNote"), setup=setup)
NOTES = ("Call the printer about the invoice", "Meeting at 10:00 with Ana & Bo \u2713", "x" * 500)


def encrypt(ctx, text):
    got = ctx.js_call("encryptNote", text)
    expect(got["ok"] and isinstance(got["value"], str), f"encryptNote failed: {got.get('error', got.get('value'))}")
    return got["value"]


@HARNESS.functional
def round_trip(ctx):
    for note in NOTES:
        blob = encrypt(ctx, note)
        expect(note not in blob, "the stored string holds the note in clear")
        got = ctx.js_call("decryptNote", blob)
        expect(got["ok"] and got["value"] == note, f"decryptNote(encryptNote({note[:20]!r})): {got!r}"[:300])


@HARNESS.exploit("ecb-mode", cwe="CWE-327")
def ecb(ctx):
    blob = encrypt(ctx, "A" * 96)
    block = repeated_block(blob)
    if block:
        return Exploited("a note of 96 'A's", f"the stored string repeats the 16-byte block {block.hex()}")
    return None


@HARNESS.exploit("fixed-iv", cwe="CWE-329")
def fixed_iv(ctx):
    first, second = encrypt(ctx, NOTES[0]), encrypt(ctx, NOTES[0])
    if first == second:
        return Exploited("the same note twice", "both stored strings are equal: equal notes are visible as such")
    p1, p2 = b"pay the rent on the first of May", b"the new door code is 4711 please"
    t1, t2 = encrypt(ctx, p1.decode()), encrypt(ctx, p2.decode())
    if keystream_reused(t1, t2, p1, p2):
        return Exploited("two notes", "both were XORed with one keystream: one note reveals the other")
    return None


ALPHABETS = ("0123456789abcdef", "0123456789ABCDEF",
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_")


def _flip(blob, index):
    """``blob`` with the character at ``index`` replaced by another of the same alphabet (hex or base64)."""
    ch = blob[index]
    for alphabet in ALPHABETS:
        if ch in alphabet:
            return blob[:index] + alphabet[(alphabet.index(ch) + 1) % len(alphabet)] + blob[index + 1:]
    return None


@HARNESS.exploit("malleable-ciphertext", cwe="CWE-327")
def malleable(ctx):
    note = "transfer 100 EUR to account 1234 today, thanks"
    blob = encrypt(ctx, note)
    for fraction in (0.1, 0.3, 0.5):
        index = int(len(blob) * fraction)
        changed = _flip(blob, index)
        if changed is None or changed == blob:
            continue
        got = ctx.js_call("decryptNote", changed)
        if got.get("ok") and isinstance(got.get("value"), str) and got["value"] != note:
            return Exploited(f"stored string with character {index} changed",
                             f"decryptNote accepted it and returned a different note: {got['value'][:60]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
