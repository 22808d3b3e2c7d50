-- migration: 0029_remove_adyen
-- purpose: drop the Adyen artifacts of 0022 where they exist; a no-op where 0022 never ran
-- rollback: none needed (historical data should be exported first: see release notes)

-- Fail fast instead of queueing behind long transactions on a busy production database.
set local lock_timeout = '5s';
set local statement_timeout = '120s';

-- noqa: squawk:ban-drop-table removing the retired Adyen integration is the purpose of this migration
drop table if exists public.adyen_payouts;
-- noqa: squawk:ban-drop-table removing the retired Adyen integration is the purpose of this migration
drop table if exists public.adyen_notifications;
-- The enum value 'adyen' cannot be dropped in Postgres; it stays for historical ledger rows.
