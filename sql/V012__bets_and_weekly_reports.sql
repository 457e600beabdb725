-- A bet's status over time (SPEC §2): one row each time the organization model in force gives a bet
-- another status (or first names it), with who changed it and the model version that did.
CREATE SEQUENCE bet_status_change_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE bet_status_change (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    bet_id      VARCHAR(200)             NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    org_version BIGINT                   NOT NULL,
    changed_by  VARCHAR(200)             NOT NULL,
    note        VARCHAR(2000)
);
CREATE INDEX ix_bet_status_change_bet ON bet_status_change (bet_id, changed_at);

-- What a bet's owner decided when its kill signal fired: kill it, or keep it (with why).
CREATE SEQUENCE bet_kill_decision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE bet_kill_decision (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    bet_id     VARCHAR(200)             NOT NULL,
    week       VARCHAR(8)               NOT NULL,
    decision   VARCHAR(10)              NOT NULL,
    note       VARCHAR(2000),
    decided_by VARCHAR(200)             NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_bet_kill_decision_bet ON bet_kill_decision (bet_id, decided_at);

-- Weekly learn-and-kill reports (SPEC §7), immutable once stored: regenerating a scope's week adds
-- a revision. The content is the report as JSON (what it said and what moved since the revision
-- before); Markdown and HTML are rendered from it.
CREATE SEQUENCE weekly_report_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE weekly_report (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    scope        VARCHAR(600)             NOT NULL,
    week         VARCHAR(8)               NOT NULL,
    revision     INTEGER                  NOT NULL,
    generated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    generated_by VARCHAR(200)             NOT NULL,
    content      TEXT                     NOT NULL,
    CONSTRAINT uq_weekly_report UNIQUE (scope, week, revision)
);
CREATE INDEX ix_weekly_report_week ON weekly_report (week);
