-- An erasure looks a person's messages up by recipient, and the retention job finds queue rows with no message left:
-- both need outbound_message by recipient (the pending index covers only queued and sending rows).
CREATE INDEX outbound_message_recipient ON outbound_message (recipient);

-- The privacy-notice purge runs every few seconds: it finds the privacy conversation's notices without a scan.
CREATE INDEX outbound_message_privacy ON outbound_message (state) WHERE correlation_id LIKE 'privacy:%';
