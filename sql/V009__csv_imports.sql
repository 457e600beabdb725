-- One row per CSV file imported (POST /api/sources/csv/{kind}): its kind and name, what it gave
-- (events stored, or the organization model version it made), when and by whom. The Sources page
-- lists the recent ones; the events themselves are in raw_event like any other source's.
CREATE SEQUENCE csv_import_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE csv_import (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)              NOT NULL,
    name        VARCHAR(200),
    rows_read   INTEGER                  NOT NULL,
    events      INTEGER                  NOT NULL,
    accepted    INTEGER                  NOT NULL,
    duplicates  INTEGER                  NOT NULL,
    revisions   INTEGER                  NOT NULL,
    org_version BIGINT,
    imported_by VARCHAR(200)             NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_csv_import_at ON csv_import (imported_at);
