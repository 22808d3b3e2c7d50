"""`inv db.review`: what a database pull request does, who gains or loses access, how it locks production.

plan.py finds the migrations added or changed against the base (a git ref or a folder) and their release notes;
trace.py applies them on a scratch database with production-shaped rows and judges locks with rehearse/flags;
access.py runs the access matrix's probes and a column/function privilege probe on base and head and keeps what
changed; render.py writes the markdown and counts the blockers; run.py puts them together.
"""
