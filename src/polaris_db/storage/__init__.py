"""Storage files in the backup: where they come from (`source`), the content-addressed copy in the backup
store (`objects`), the backup's list of them (`listing`), taking (`copy`), proving (`verify`), putting back
(`restore`) and retention (`prune`). ops/supabase/backup.md, "Storage files", is the guide."""
