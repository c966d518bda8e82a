-- When dispatch last asked an online worker to share their location again (stale location): asked once per staleness period.
ALTER TABLE worker_state ADD COLUMN location_requested_at timestamptz;
