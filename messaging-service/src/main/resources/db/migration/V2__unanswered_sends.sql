-- A send whose request left us but whose answer never came (a timeout, a reset connection) is 'unanswered': it stays
-- its recipient's head (nothing after it is sent) until a status webhook carrying its command id settles it, or until
-- resend_at, when it is sent again.
ALTER TABLE outbound_message ADD COLUMN resend_at timestamptz;

DROP INDEX outbound_message_pending;
CREATE INDEX outbound_message_pending ON outbound_message (recipient, seq)
    WHERE state IN ('queued', 'sending', 'unanswered');
