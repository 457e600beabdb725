-- Ingestion at scale. The store keeps no index on random keys: inserting them into an on-disk B-tree
-- made every batch slower than the one before (and on H2 rewrote pages at every commit). Raw events
-- become an append-only log by sequence number; each fact keeps the refs of its events (their
-- sequence numbers and digests), and the facts are found by key through an index held in memory.

-- raw_event: the payload (canonical JSON, which holds the id, type, source and times) and when it
-- came; its fact, id and digest are in the fact's refs.
ALTER TABLE raw_event DROP CONSTRAINT uq_raw_event_payload;
DROP INDEX ix_raw_event_fact;
ALTER TABLE raw_event DROP COLUMN event_id;
ALTER TABLE raw_event DROP COLUMN payload_hash;
ALTER TABLE raw_event DROP COLUMN event_type;
ALTER TABLE raw_event DROP COLUMN source;
ALTER TABLE raw_event DROP COLUMN occurred_at;
ALTER TABLE raw_event DROP COLUMN repo;
ALTER TABLE raw_event DROP COLUMN fact_kind;
ALTER TABLE raw_event DROP COLUMN fact_key;

-- fact: per event behind it, 32 bytes: raw_event seq, id hash, first 16 bytes of the payload's
-- SHA-256. Null until filled from raw_event at the first start after this migration.
ALTER TABLE fact DROP CONSTRAINT uq_fact_key;
DROP INDEX ix_fact_repo;
ALTER TABLE fact DROP COLUMN event_ids;
ALTER TABLE fact ADD COLUMN events BYTEA;
-- the newest facts of a kind (lists, "data as of"): appended to in time order
CREATE INDEX ix_fact_newest ON fact (kind, last_occurred_at);

-- Figures: one row per (scope, week) cell holding every metric's figure of it, rewritten only when
-- the cell changes (a row per figure rewrote millions of rows after every full recomputation).
DROP TABLE figure;
CREATE TABLE figure_cell (
    scope   VARCHAR(600) NOT NULL,
    week    VARCHAR(8)   NOT NULL,
    figures BYTEA        NOT NULL,
    CONSTRAINT pk_figure_cell PRIMARY KEY (scope, week)
);
-- the stored figures are gone: the next start recomputes them
DELETE FROM figure_state;
