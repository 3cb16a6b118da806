"""Argon2 password hashing, with the cost profile chosen by configuration.

``PASSWORD_HASH_PROFILE`` names one of argon2-cffi's profiles (``argon2.profiles``): production keeps
the RFC 9106 low-memory profile; the test suite uses ``CHEAPEST`` (the profile argon2-cffi provides
for tests), because hashing is otherwise most of a web test's time. A hash made under another
profile still verifies and is re-hashed under the configured one at the next sign-in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from argon2 import Parameters, PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app

EXTENSION_KEY = "backoffice.passwords"
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class _Hashing:
    hasher: PasswordHasher
    # Verified against when the login is unknown, so timing does not reveal which logins exist.
    dummy_hash: str


def init_app(app: Flask) -> None:
    name = app.config["PASSWORD_HASH_PROFILE"]
    if not isinstance(getattr(profiles, name, None), Parameters):
        raise RuntimeError(f"PASSWORD_HASH_PROFILE={name!r} is not an argon2 profile "
                           "(RFC_9106_LOW_MEMORY, RFC_9106_HIGH_MEMORY or, for tests only, CHEAPEST)")
    app.extensions[EXTENSION_KEY] = _hashing_of(name)


@functools.cache
def _hashing_of(profile: str) -> _Hashing:
    # Once per profile and process: the dummy hash costs as much as a real one.
    hasher = PasswordHasher.from_parameters(getattr(profiles, profile))
    return _Hashing(hasher, hasher.hash("not-a-real-password"))


def _hashing() -> _Hashing:
    return current_app.extensions[EXTENSION_KEY]


def hash_password(password: str) -> str:
    return _hashing().hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    hashing = _hashing()
    try:
        matches = hashing.hasher.verify(password_hash or hashing.dummy_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    return matches and password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    return _hashing().hasher.check_needs_rehash(password_hash)
