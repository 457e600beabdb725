-- Figures: every (metric, scope, week) cell as last computed, kept current as facts change.
-- The engine recomputes them from the facts; this table lets a restart serve them at once.
CREATE TABLE figure (
    metric        VARCHAR(64)  NOT NULL,
    scope         VARCHAR(600) NOT NULL,
    week          VARCHAR(8)   NOT NULL,
    val           DOUBLE PRECISION,
    num           DOUBLE PRECISION,
    den           DOUBLE PRECISION,
    n             INTEGER      NOT NULL,
    people        INTEGER      NOT NULL,
    exact_share   DOUBLE PRECISION,
    by_source     VARCHAR,
    tier          VARCHAR(16),
    withheld      VARCHAR(200),
    partial_week  BOOLEAN      NOT NULL,
    CONSTRAINT pk_figure PRIMARY KEY (metric, scope, week)
);
CREATE INDEX ix_figure_scope_week ON figure (scope, week);

-- What the stored figures were computed for: the organization model version and the weeks.
CREATE TABLE figure_state (
    id            INTEGER                  NOT NULL PRIMARY KEY,
    org_version   BIGINT                   NOT NULL,
    from_week     VARCHAR(8)               NOT NULL,
    to_week       VARCHAR(8)               NOT NULL,
    engine        VARCHAR(40)              NOT NULL,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
