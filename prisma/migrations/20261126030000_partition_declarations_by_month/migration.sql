-- Declarations partitioned by month of registration (PostgreSQL declarative partitioning). Every KPI selects a
-- period of reg_ts, so queries read only the months they need, and old months can be detached or archived whole.
-- The primary key must contain the partition key: (decl_id, reg_ts). decl_id stays unique because the import,
-- the only writer, updates by decl_id before inserting and runs one at a time (advisory lock).

ALTER TABLE "declarations" RENAME TO "declarations_unpartitioned";
ALTER TABLE "declarations_unpartitioned" RENAME CONSTRAINT "declarations_pkey" TO "declarations_unpartitioned_pkey";
ALTER TABLE "declarations_unpartitioned" DROP CONSTRAINT "declarations_office_code_fkey";
DROP INDEX "declarations_assessing_officer_id_reg_ts_idx";
DROP INDEX "declarations_broker_id_reg_ts_idx";
DROP INDEX "declarations_office_code_asmt_ts_idx";
DROP INDEX "declarations_office_code_reg_ts_idx";
DROP INDEX "declarations_reg_ts_idx";

CREATE TABLE "declarations" (LIKE "declarations_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("reg_ts");
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_pkey" PRIMARY KEY ("decl_id", "reg_ts");
CREATE INDEX "declarations_assessing_officer_id_reg_ts_idx" ON "declarations"("assessing_officer_id", "reg_ts");
CREATE INDEX "declarations_broker_id_reg_ts_idx" ON "declarations"("broker_id", "reg_ts");
CREATE INDEX "declarations_office_code_asmt_ts_idx" ON "declarations"("office_code", "asmt_ts");
CREATE INDEX "declarations_office_code_reg_ts_idx" ON "declarations"("office_code", "reg_ts");
CREATE INDEX "declarations_reg_ts_idx" ON "declarations"("reg_ts");
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_office_code_fkey" FOREIGN KEY ("office_code")
  REFERENCES "offices"("office_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One partition per calendar month, created on demand by the import before it writes a month.
CREATE FUNCTION ensure_declaration_partitions(first_ts timestamp, last_ts timestamp) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  month date;
BEGIN
  IF first_ts IS NULL OR last_ts IS NULL THEN
    RETURN;
  END IF;
  month := date_trunc('month', first_ts)::date;
  WHILE month <= last_ts LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF declarations FOR VALUES FROM (%L) TO (%L)',
                   'declarations_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
    month := (month + interval '1 month')::date;
  END LOOP;
END;
$$;

SELECT ensure_declaration_partitions(min("reg_ts"), max("reg_ts")) FROM "declarations_unpartitioned";
INSERT INTO "declarations" SELECT * FROM "declarations_unpartitioned";
DROP TABLE "declarations_unpartitioned";
