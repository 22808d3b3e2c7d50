"""The fixtures themselves: the shim is present in empty_url and absent in bare_url."""


def test_empty_url_has_the_platform_shim(empty_url, connect):
    conn = connect(empty_url)
    assert conn.execute("select to_regclass('auth.users') is not null").fetchone()[0]
    assert conn.execute("select count(*) from pg_roles where rolname in ('anon','authenticated','service_role')").fetchone()[0] == 3


def test_bare_url_is_empty(bare_url, connect):
    conn = connect(bare_url)
    assert conn.execute("select to_regnamespace('auth')").fetchone()[0] is None
