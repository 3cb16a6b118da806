"""Password hashing follows the configured argon2 profile and upgrades old hashes at sign-in."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, profiles

from backoffice import create_app
from backoffice.accounts import passwords


def _app(profile: str):
    return create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "k" * 32,
                       "DETECTOR_MODEL": "off", "PASSWORD_HASH_PROFILE": profile})


@pytest.mark.parametrize(("profile", "time_cost", "memory_cost"), [
    ("RFC_9106_LOW_MEMORY", 3, 65536),
    ("CHEAPEST", 1, 8),
])
def test_hashes_use_the_configured_profile(profile, time_cost, memory_cost):
    with _app(profile).app_context():
        hashed = passwords.hash_password("correct-horse-battery")
        assert f"t={time_cost}," in hashed
        assert f"m={memory_cost}," in hashed
        assert passwords.verify_password(hashed, "correct-horse-battery")
        assert not passwords.verify_password(hashed, "wrong-horse-battery")
        assert not passwords.verify_password(None, "correct-horse-battery")


def test_production_default_is_rfc_9106_low_memory():
    from backoffice.config import DefaultConfig

    assert DefaultConfig.PASSWORD_HASH_PROFILE == "RFC_9106_LOW_MEMORY"


def test_a_hash_from_another_profile_verifies_and_asks_for_a_rehash():
    old = PasswordHasher.from_parameters(profiles.CHEAPEST).hash("correct-horse-battery")
    with _app("RFC_9106_LOW_MEMORY").app_context():
        assert passwords.verify_password(old, "correct-horse-battery")
        assert passwords.needs_rehash(old)
        assert not passwords.needs_rehash(passwords.hash_password("correct-horse-battery"))


def test_an_unknown_profile_stops_the_start():
    with pytest.raises(RuntimeError, match="not an argon2 profile"):
        _app("FASTEST_PLEASE")
