-- The language the customer is written to in (from OrderPlaced.language): every message and the local card page use
-- it. Payments from before it existed, and orders that carry none, are Spanish.
ALTER TABLE payment ADD COLUMN language text DEFAULT 'es' CHECK (language IN ('es', 'en'));
