-- A contract may score an indicator on the officer's observed/expected instead of the raw rate (issue #14, "Fair
-- comparison"; docs/decisions/031-calibration-fair-comparison-gaming.md). Every existing indicator keeps scoring the
-- raw value. A new column on a tracked table: the data-version triggers of contract_indicators already cover it.
CREATE TYPE "ScoringBasis" AS ENUM ('RAW', 'OE');

ALTER TABLE contract_indicators ADD COLUMN basis "ScoringBasis" NOT NULL DEFAULT 'RAW';
