-- A lead's number is never issued twice by one installation, across a restore. The highest
-- number ever issued before the last restore is kept here: `restore` carries it into the
-- copy it puts back, and a new lead takes the next number after it and after every lead
-- in the table. Nothing writes it per lead.
CREATE TABLE lead_numbers (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    high_water  INTEGER NOT NULL CHECK (high_water >= 0)
);
INSERT INTO lead_numbers (id, high_water) SELECT 1, COALESCE(MAX(id), 0) FROM leads;

-- A few random characters per lead, carried by its buttons. A button made for another lead
-- of the same number (one put back from a copy by hand, past `restore`) matches no lead.
-- NULL for the leads written before this version: their buttons carry none.
ALTER TABLE leads ADD COLUMN stamp TEXT;

-- Each restore, as `restore` saw it: the heads hear of it, and of the leads it took out,
-- when the bot starts next.
CREATE TABLE restorations (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    copy_file   TEXT    NOT NULL,  -- the copy put back
    kept_file   TEXT,              -- the database it replaced, kept as a copy
    taken_out   TEXT    NOT NULL DEFAULT '[]',  -- JSON: [[number, client], ...]
    told_at     TEXT
);
