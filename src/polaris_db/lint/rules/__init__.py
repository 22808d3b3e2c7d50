"""One rule per module. IDs are stable: PC0xx files, PC1xx naming, PC2xx tables, PC3xx security,
PC4xx idempotency, PC5xx seeds, PC6xx views and mirrors, PC7xx docs. Never reuse a retired ID."""
