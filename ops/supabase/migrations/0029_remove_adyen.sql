-- migration: 0029_remove_adyen
-- purpose: drop the Adyen artifacts of 0022 where they exist; a no-op where 0022 never ran
-- rollback: none needed (historical data should be exported first: see release notes)

drop table if exists public.adyen_payouts;
drop table if exists public.adyen_notifications;
-- The enum value 'adyen' cannot be dropped in Postgres; it stays for historical ledger rows.
