-- A page's name carries a GitHub Enterprise host's path and its query; a source's settings list up
-- to 1,000 repositories: room for both. A kept page's body hash lets a sync skip keeping a page
-- that is the same as the last one kept under its name (an unchanged first page of pull requests).
ALTER TABLE raw_payload ALTER COLUMN name SET DATA TYPE VARCHAR(2000);
ALTER TABLE raw_payload ADD COLUMN body_hash VARCHAR(64);
CREATE INDEX ix_raw_payload_name ON raw_payload (source, name, id);
ALTER TABLE source ALTER COLUMN settings SET DATA TYPE VARCHAR(300000);
