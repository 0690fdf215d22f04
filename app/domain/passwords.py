"""Passwords of people who sign in from a browser: argon2id (memory-hard), via argon2-cffi."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.domain.errors import BadInput

MIN_LENGTH = 8
MAX_LENGTH = 1024

_hasher = PasswordHasher()  # argon2id with the library's RFC 9106 low-memory profile
# Verified against when no account matches, so a wrong username costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("labbook-no-such-account")


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise BadInput(f"the password is too short: at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise BadInput(f"the password is too long: at most {MAX_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
