"""Release rehearsal: pending migrations applied to a restored backup, measured (`inv db.rehearse`).

run.py picks the backup, restores it, applies and checks; measure.py applies one file statement by
statement and measures locks, rewrites and rows; locks.py reads the locks a statement asks for from its
parse tree; flags.py judges what a statement did (never its time); safer.py names the safer pattern;
report.py prints. review/ traces a pull request's migrations with the same measure and flags.
"""
