-- The W3C trace context (traceparent) of the Kafka record a command arrived in: the sender continues that trace, with
-- a span per Graph API call, and sends it on the request.
ALTER TABLE outbound_message ADD COLUMN traceparent text;
