-- Restaurants and their menus (package co.wpfoods.order.catalog).
CREATE TABLE restaurant (
    id         text             PRIMARY KEY,
    name       text             NOT NULL,
    address    text,
    latitude   double precision,
    longitude  double precision,
    zone       text,
    created_at timestamptz      NOT NULL DEFAULT now()
);

-- One number runs at most one restaurant: the role directory maps a number to one restaurant.
CREATE TABLE restaurant_staff (
    wa_id         text PRIMARY KEY,
    restaurant_id text NOT NULL REFERENCES restaurant (id),
    position      int  NOT NULL
);
CREATE INDEX restaurant_staff_restaurant ON restaurant_staff (restaurant_id);

-- The current menu of a restaurant; replaced as a whole on every publication.
CREATE TABLE menu (
    restaurant_id text        PRIMARY KEY REFERENCES restaurant (id),
    version       bigint      NOT NULL,
    open          boolean     NOT NULL,
    published_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE menu_item (
    restaurant_id text    NOT NULL REFERENCES menu (restaurant_id),
    item_id       text    NOT NULL,
    position      int     NOT NULL,
    name          text    NOT NULL,
    description   text,
    category      text,
    price_cop     bigint  NOT NULL CHECK (price_cop > 0),
    available     boolean NOT NULL,
    PRIMARY KEY (restaurant_id, item_id)
);

CREATE TABLE menu_item_modifier (
    restaurant_id text   NOT NULL,
    item_id       text   NOT NULL,
    modifier_id   text   NOT NULL,
    position      int    NOT NULL,
    name          text   NOT NULL,
    price_cop     bigint NOT NULL CHECK (price_cop >= 0),
    PRIMARY KEY (restaurant_id, item_id, modifier_id),
    FOREIGN KEY (restaurant_id, item_id) REFERENCES menu_item (restaurant_id, item_id) ON DELETE CASCADE
);
