-- Pulled sources (a GitHub organization's repositories, …): their settings as JSON, the secret
-- they read with and the one their webhook signs with (neither returned by the API), and how
-- their last sync ended.
CREATE TABLE source (
    id             VARCHAR(100)             NOT NULL PRIMARY KEY,
    kind           VARCHAR(40)              NOT NULL,
    settings       VARCHAR(20000)           NOT NULL,
    secret         VARCHAR(2000)            NOT NULL,
    webhook_secret VARCHAR(500),
    created_by     VARCHAR(200)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sync_at   TIMESTAMP WITH TIME ZONE,
    last_state     VARCHAR(20),
    last_error     VARCHAR(2000)
);
