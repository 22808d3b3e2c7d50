"""Release rehearsal: pending migrations applied to a restored backup, measured (`inv db.rehearse`).

run.py picks the backup, restores it, applies and checks; measure.py applies one file statement by
statement and measures locks, rewrites and rows; safer.py names the safer pattern; report.py prints.
"""
