-- The moment up to which the stored figures reflect the stored facts: at start, figures older than
-- the facts (a crash before the changed cells were stored) are recomputed rather than served.
ALTER TABLE figure_state ADD COLUMN facts_up_to TIMESTAMP WITH TIME ZONE;
