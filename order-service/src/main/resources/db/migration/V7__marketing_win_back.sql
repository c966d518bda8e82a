-- The win-back template (package co.wpfoods.order.marketing): when it last went to a customer, so it goes at most
-- once per period. The customer is the keyed hash of their number (as customer_order.customer_key_hash); an erasure
-- deletes the row.
CREATE TABLE marketing_win_back (
    customer_hash bytea       PRIMARY KEY,
    sent_at       timestamptz NOT NULL
);
