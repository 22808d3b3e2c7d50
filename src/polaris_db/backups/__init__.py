"""Backups: take (`dump`), describe (`manifest`), keep (`store`, `keys`, `retention`), bring back (`fetch`),
restore (`restore`, `targets`) and prove (`drill`). ops/supabase/backup.md is the guide."""
