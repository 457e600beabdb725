-- Local users of the embedded mode: passwords are bcrypt hashes, roles a comma-separated list.
CREATE TABLE app_user (
    username      VARCHAR(100)             NOT NULL PRIMARY KEY,
    email         VARCHAR(300),
    password_hash VARCHAR(100)             NOT NULL,
    roles         VARCHAR(200)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API tokens for machine clients: only the SHA-256 of the secret is kept; it is shown once.
CREATE TABLE api_token (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    name         VARCHAR(200)             NOT NULL,
    secret_hash  VARCHAR(64)              NOT NULL,
    scopes       VARCHAR(100)             NOT NULL,
    created_by   VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_token_secret UNIQUE (secret_hash)
);

-- Browser sessions after a login: the cookie holds a secret whose SHA-256 is the key.
CREATE TABLE user_session (
    secret_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    username    VARCHAR(100)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who did what: admin actions and token use. Never holds a secret.
CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id     BIGINT                   NOT NULL PRIMARY KEY,
    at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor  VARCHAR(200)             NOT NULL,
    action VARCHAR(60)              NOT NULL,
    target VARCHAR(700),
    detail VARCHAR(2000)
);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
