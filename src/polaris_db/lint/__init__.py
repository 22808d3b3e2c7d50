"""SQL lint for ops/: house style (sqlfluff) and the sign-off conventions (our rules, squawk, advisors).

Output is one line per finding, `path:line: ID message`, and a non-zero exit on any finding.
IDs: PCnnn our rules (rules/, one per module, listed in registry.py), `squawk:<rule>` migration safety,
`advisor:<lint>` Supabase's advisors, sqlfluff's own codes (CP01, LT01, PRS...), NOQA for suppressions.
Suppress one finding inline with `-- noqa: ID reason` (see noqa.py). Run it with
`python -m polaris_db.lint conventions|sql|rules`, `nox -s conventions lint_sql` or `inv db.lint`.
"""
