-- Staff accounts, the history of every record, staff edits and their
-- conflicts (issue 5; docs/sync.md, docs/staff.md).

CREATE TABLE staff (
    id            TEXT PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
    -- argon2id, PHC string format.
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    -- A disabled account cannot sign in; its sessions end.
    disabled_at   TEXT
);

-- Every version of every record: who made it and when, which fields
-- changed (old -> new, JSON list of {path, from, to}), and the data after
-- it, so an entry can be restored to any earlier version.
CREATE TABLE history (
    kind        TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    -- NULL: the command line (import, seed) or data from before history.
    staff_id    TEXT REFERENCES staff (id),
    -- 'existing' (before history began), 'import', 'edit'
    source      TEXT    NOT NULL,
    mutation_id TEXT,
    archived    INTEGER NOT NULL CHECK (archived IN (0, 1)),
    changes     TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    PRIMARY KEY (kind, id, version)
);

INSERT INTO history (kind, id, version, at, staff_id, source, mutation_id, archived, changes, data)
SELECT kind, id, version, updated_at, NULL, 'existing', NULL, deleted_at IS NOT NULL, '[]', data
FROM records;

-- Every mutation pushed, with the answer it got: the same mutation pushed
-- again (its answer was lost) gets the same answer and changes nothing.
-- Written in the transaction that applies it.
CREATE TABLE mutations (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    received_at TEXT NOT NULL,
    -- The mutation as received, to refuse an id reused for another edit.
    body        TEXT NOT NULL,
    outcome     TEXT NOT NULL
);

-- A field two edits changed to different values. The record keeps the
-- value it had ("theirs"); a person decides, and the decision is one more
-- edit that names this conflict.
CREATE TABLE conflicts (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    path         TEXT NOT NULL,
    base         TEXT NOT NULL,
    mine         TEXT NOT NULL,
    theirs       TEXT NOT NULL,
    mine_by      TEXT NOT NULL REFERENCES staff (id),
    mine_at      TEXT NOT NULL,
    mutation_id  TEXT NOT NULL,
    theirs_by    TEXT REFERENCES staff (id),
    theirs_at    TEXT,
    resolved_at  TEXT,
    resolved_by  TEXT REFERENCES staff (id),
    resolved_with TEXT
);

CREATE INDEX conflicts_open ON conflicts (kind, record_id) WHERE resolved_at IS NULL;
