-- Raw events: every distinct payload of every event id, stored before it is acknowledged.
-- A revision (same id, new payload) is a new row; a duplicate (same id and payload) only counts.
CREATE SEQUENCE raw_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE raw_event (
    seq             BIGINT                   NOT NULL PRIMARY KEY,
    event_id        VARCHAR(200)             NOT NULL,
    payload_hash    VARCHAR(64)              NOT NULL,
    event_type      VARCHAR(40)              NOT NULL,
    source          VARCHAR(100)             NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    repo            VARCHAR(300),
    fact_kind       VARCHAR(40)              NOT NULL,
    fact_key        VARCHAR(700)             NOT NULL,
    payload         VARCHAR                  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_raw_event_payload UNIQUE (event_id, payload_hash)
);
CREATE INDEX ix_raw_event_fact ON raw_event (fact_kind, fact_key);

-- Facts: one row per natural key, folded from all raw events with that key (EVENTS.md).
CREATE SEQUENCE fact_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE fact (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    kind             VARCHAR(40)              NOT NULL,
    fact_key         VARCHAR(700)             NOT NULL,
    repo             VARCHAR(300),
    fields           VARCHAR                  NOT NULL,
    event_ids        VARCHAR                  NOT NULL,
    last_occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_fact_key UNIQUE (kind, fact_key)
);
CREATE INDEX ix_fact_repo ON fact (kind, repo);

-- Versions of the organization model; the newest is in force.
CREATE SEQUENCE org_version_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE org_version (
    version      BIGINT                   NOT NULL PRIMARY KEY,
    origin       VARCHAR(20)              NOT NULL,
    source_name  VARCHAR(1000),
    content_hash VARCHAR(64)              NOT NULL,
    content      VARCHAR                  NOT NULL,
    warnings     VARCHAR                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
