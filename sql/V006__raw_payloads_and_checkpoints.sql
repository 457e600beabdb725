-- Payloads as sources delivered them (a webhook delivery, a fetched API page), kept before they
-- are mapped, so that a mapping fix re-derives the canonical events without fetching again
-- (POST /api/sources/{id}/remap). A delivery id is the source's own: a redelivery is kept once.
CREATE SEQUENCE raw_payload_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE raw_payload (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    source      VARCHAR(100)             NOT NULL,
    kind        VARCHAR(20)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    delivery_id VARCHAR(200),
    headers     VARCHAR(4000)            NOT NULL,
    body        TEXT                     NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_raw_payload_delivery UNIQUE (source, delivery_id)
);
CREATE INDEX ix_raw_payload_source ON raw_payload (source, id);
CREATE INDEX ix_raw_payload_received ON raw_payload (received_at);

-- A source's cursor per stream (a repository's pull requests, its workflow runs…): a sync
-- resumes from it after a crash or a restart.
CREATE TABLE source_checkpoint (
    source     VARCHAR(100)             NOT NULL,
    stream     VARCHAR(700)             NOT NULL,
    cursor_at  VARCHAR(2000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, stream)
);
