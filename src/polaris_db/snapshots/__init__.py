"""Masked snapshots: a verified production backup restored on the embedded cluster, masked by the rules in
ops/supabase/masking.toml (`rules`), proven free of the originals (`leak`), dumped and encrypted to the
snapshot recipients (`make`), and used (`use`: reset a local database, rehearse). Guide: ops/supabase/backup.md."""
