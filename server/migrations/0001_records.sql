-- Every public record (topic, office, group) lives in one table so that one
-- global sequence orders all changes: the change feed for offline clients is
-- `WHERE seq > ? ORDER BY seq`. SQLite runs one writer at a time, so
-- sequence numbers are handed out in commit order and a reader never sees a
-- later number before an earlier one.
CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

CREATE TABLE records (
    kind       TEXT    NOT NULL CHECK (kind IN ('topic', 'office', 'group')),
    id         TEXT    NOT NULL,
    slug       TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    updated_at TEXT    NOT NULL,
    seq        INTEGER NOT NULL UNIQUE,
    -- A tombstone: the record is deleted but stays so the deletion syncs.
    deleted_at TEXT,
    -- The record's data as JSON, written from and read into the domain type.
    data       TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE UNIQUE INDEX records_live_slug ON records (kind, slug) WHERE deleted_at IS NULL;
