-- A complaint about an order is routed to whoever can fix it: the restaurant (missing or wrong item, cold food) or
-- ops (late delivery, the rapitendero, payment, anything else). Ops' queue lists tickets routed to OPS; a restaurant's
-- staff may send one of theirs on to OPS.
ALTER TABLE support_ticket
    ADD COLUMN category   text,
    ADD COLUMN routed_to  text NOT NULL DEFAULT 'OPS',
    ADD COLUMN handled_by text;

DROP INDEX support_ticket_open;
CREATE INDEX support_ticket_open ON support_ticket (status, routed_to, created_at);
