-- Sources: one intake link per form or ad platform, each with its own secret and default
-- channel. Only a digest of the secret is kept; the link is shown when it is made.
CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('form', 'vk')),
    channel      TEXT,
    secret_hash  TEXT    NOT NULL UNIQUE,
    vk_confirm   TEXT,
    vk_secret    TEXT,
    created_by   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    deleted_at   TEXT,
    CHECK ((kind = 'vk') = (vk_confirm IS NOT NULL AND vk_secret IS NOT NULL))
);
-- A deleted source keeps its row (its leads point to it); its name may be used again.
CREATE UNIQUE INDEX sources_by_name ON sources (name COLLATE NOCASE) WHERE deleted_at IS NULL;

ALTER TABLE leads ADD COLUMN source_id INTEGER REFERENCES sources (id);
CREATE INDEX leads_by_source ON leads (source_id, created_at);
ALTER TABLE intake_refusals ADD COLUMN source_id INTEGER REFERENCES sources (id);
CREATE INDEX intake_refusals_by_source ON intake_refusals (source_id, at);
