"""RLS and security checks: catalog audits, the access matrix and its runner, the psql TAP script."""
