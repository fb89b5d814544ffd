-- Rate-limit budgets are short-lived counters: losing the last minute of them in a crash is
-- harmless, while waiting for the WAL flush on each of their writes cost every upload and confirm
-- a disk sync. An unlogged table skips the WAL (and is emptied by crash recovery).
ALTER TABLE "rate_limiter_flexible" SET UNLOGGED;
