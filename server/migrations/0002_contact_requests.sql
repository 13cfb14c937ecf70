-- Contact requests (Kontaktanfragen) from visitors, for the office's staff.
-- The id is chosen by the visitor's browser and doubles as the idempotency
-- key: a delivery retried after a lost answer finds its row and creates
-- nothing. Personal data: only what the visitor typed, nothing else
-- (no IP address, no browser details).
CREATE TABLE contact_requests (
    id          TEXT PRIMARY KEY,
    group_id    TEXT NOT NULL,
    -- The office whose inbox it lands in (the group's office at the time).
    office_id   TEXT,
    name        TEXT NOT NULL,
    reach       TEXT NOT NULL,
    message     TEXT,
    received_at TEXT NOT NULL
);
CREATE INDEX contact_requests_office ON contact_requests (office_id, received_at);
