-- A pod's knowledge_debt thresholds carry its path globs, which may run past 4,000 characters.
ALTER TABLE antipattern_flag ALTER COLUMN thresholds SET DATA TYPE TEXT;
