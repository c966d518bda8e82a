-- What ordering needs from the catalog: hours, radius, fee, preparation time, pause; modifier groups.
ALTER TABLE restaurant
    ADD COLUMN delivery_radius_m   int     NOT NULL DEFAULT 5000,
    ADD COLUMN delivery_fee_cop    bigint  NOT NULL DEFAULT 5000 CHECK (delivery_fee_cop >= 0),
    ADD COLUMN preparation_minutes int     NOT NULL DEFAULT 25,
    ADD COLUMN paused              boolean NOT NULL DEFAULT false;

-- No PostGIS: a btree on (latitude, longitude) serves the bounding box of "restaurants near me"; the exact
-- great-circle distance against each restaurant's own radius is then checked in Java on the few rows left.
CREATE INDEX restaurant_lat_lon ON restaurant (latitude, longitude);

-- Windows in Bogotá local time; day_of_week 1 = Monday … 7 = Sunday (ISO).
CREATE TABLE restaurant_opening_window (
    restaurant_id text NOT NULL REFERENCES restaurant (id),
    day_of_week   int  NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens         time NOT NULL,
    closes        time NOT NULL CHECK (closes > opens),
    PRIMARY KEY (restaurant_id, day_of_week, opens)
);

CREATE TABLE menu_item_modifier_group (
    restaurant_id text NOT NULL,
    item_id       text NOT NULL,
    group_id      text NOT NULL,
    position      int  NOT NULL,
    name          text NOT NULL,
    min_choices   int  NOT NULL,
    max_choices   int  NOT NULL,
    PRIMARY KEY (restaurant_id, item_id, group_id),
    FOREIGN KEY (restaurant_id, item_id) REFERENCES menu_item (restaurant_id, item_id) ON DELETE CASCADE
);

-- A smaller size may cost less than the item's base price (the line is clamped at 0, checked in the domain).
ALTER TABLE menu_item_modifier DROP CONSTRAINT menu_item_modifier_price_cop_check;
ALTER TABLE menu_item_modifier ADD COLUMN group_id text;
