"""Targets from the environment, and masking of every secret shape we print."""

import pytest

from polaris_db.config import mask, resolve
from polaris_db.errors import ConfigError


@pytest.mark.parametrize("text, expected", [
    ("postgresql://postgres:s3cr3t-pw@db.example.com:5432/postgres",
     "postgresql://postgres:****@db.example.com:5432/postgres"),
    ("could not connect to postgres://u:p%40ss@127.0.0.1/db: refused", "could not connect to postgres://u:****@127.0.0.1/db: refused"),
    ("host=h password=hunter22 user=u", "host=h password=**** user=u"),
    ("postgresql://u@h/db?password=topsecret&sslmode=require", "postgresql://u@h/db?password=****&sslmode=require"),
    ("key eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLWhlcmU used", "key **** used"),
    ("postgresql://postgres@127.0.0.1:54322/postgres", "postgresql://postgres@127.0.0.1:54322/postgres"),
])
def test_mask_hides_secrets(text, expected):
    assert mask(text) == expected


def test_mask_hides_secret_env_values_anywhere(monkeypatch):
    monkeypatch.setenv("SUPABASE_SERVICE_ROLE_KEY", "sb_secret_abcdef123456")
    assert mask("token sb_secret_abcdef123456 leaked") == "token **** leaked"


def test_local_defaults_to_embedded(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert resolve("local").embedded


def test_database_url_overrides_local(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/app")
    target = resolve("local")
    assert not target.embedded and target.url.endswith("/app")


def test_remote_needs_its_url(monkeypatch):
    monkeypatch.delenv("SUPABASE_STAGING_URL", raising=False)
    with pytest.raises(ConfigError, match="SUPABASE_STAGING_URL is not set"):
        resolve("staging")


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError, match="unknown environment 'qa'"):
        resolve("qa")


def test_non_postgres_url_is_refused_and_masked(monkeypatch):
    monkeypatch.setenv("SUPABASE_PROD_URL", "mysql://root:rootpw1@h/db")
    with pytest.raises(ConfigError) as error:
        resolve("prod")
    assert "rootpw1" not in str(error.value)


NASTY_PASSWORDS = ["p@ss@PW!", "pa:ss:wd", "pa/ss/wd", "pa#ss#wd", "pa?ss?wd", "pa%ss%zz", "a@b:c/d#e?f%g"]


@pytest.mark.parametrize("password", NASTY_PASSWORDS)
def test_mask_never_prints_a_raw_password(password):
    url = f"postgresql://postgres:{password}@db.example.com:5432/postgres"
    masked = mask(f"could not connect to {url}: refused")
    assert masked == "could not connect to postgresql://postgres:****@db.example.com:5432/postgres: refused"


@pytest.mark.parametrize("password", NASTY_PASSWORDS)
def test_mask_hides_the_password_of_a_configured_url_in_any_text(monkeypatch, password):
    monkeypatch.setenv("SUPABASE_STAGING_URL", f"postgresql://postgres:{password}@db.example.com/postgres")
    assert password not in mask(f"psql said: password {password} rejected")


@pytest.mark.parametrize("password", ["p@ssword", "pa/ssword", "pa#ssword", "pa?ssword", "pa%zzword", "100%"])
def test_url_with_raw_special_characters_asks_to_url_encode(monkeypatch, password):
    monkeypatch.setenv("SUPABASE_STAGING_URL", f"postgresql://postgres:{password}@db.example.com:5432/postgres")
    with pytest.raises(ConfigError) as error:
        resolve("staging")
    message = str(error.value)
    assert "URL-encode" in message and "%40" in message
    assert password not in message and "db.example.com" not in message


@pytest.mark.parametrize("password", ["p%40ss%2Fw%23rd%3F%25", "pa:ss", "plain"])
def test_encoded_or_plain_passwords_are_accepted(monkeypatch, password):
    monkeypatch.setenv("SUPABASE_STAGING_URL", f"postgresql://postgres:{password}@db.example.com:5432/postgres")
    assert resolve("staging").url.endswith("/postgres")
