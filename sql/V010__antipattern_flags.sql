-- Anti-pattern flags (SPEC §6), one row per detector, scope and week, kept after the rule stops
-- firing (cleared_at) so that a flag's history survives new data; re-raised when it fires again.
-- An acknowledgement (who, when, a note) stays with the flag. Rules, thresholds and evidence are
-- as the detector last wrote them (thresholds and evidence are JSON).
CREATE SEQUENCE antipattern_flag_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE antipattern_flag (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    detector         VARCHAR(40)              NOT NULL,
    scope            VARCHAR(600)             NOT NULL,
    week             VARCHAR(8)               NOT NULL,
    severity         VARCHAR(10)              NOT NULL,
    rule_text        VARCHAR(4000)            NOT NULL,
    thresholds       VARCHAR(4000)            NOT NULL,
    evidence         TEXT                     NOT NULL,
    suggested_action VARCHAR(2000)            NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at       TIMESTAMP WITH TIME ZONE,
    acknowledged_by  VARCHAR(200),
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    acknowledgement  VARCHAR(2000),
    CONSTRAINT uq_antipattern_flag UNIQUE (detector, scope, week)
);
CREATE INDEX ix_antipattern_flag_week ON antipattern_flag (week);

-- What happened to each flag: raised, severity changed, cleared, raised again, acknowledged.
CREATE SEQUENCE antipattern_flag_change_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE antipattern_flag_change (
    id        BIGINT                   NOT NULL PRIMARY KEY,
    flag_id   BIGINT                   NOT NULL REFERENCES antipattern_flag (id),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind      VARCHAR(20)              NOT NULL,
    severity  VARCHAR(10),
    actor     VARCHAR(200),
    note      VARCHAR(2000)
);
CREATE INDEX ix_antipattern_flag_change_flag ON antipattern_flag_change (flag_id);
