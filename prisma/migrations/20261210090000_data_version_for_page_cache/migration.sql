-- The version of the portal's own data, which keys the rendered-page cache (docs/decisions/026-rendered-page-cache.md).
-- Every transaction that changes what the pages show adds one to data_version.version, at its commit; reads,
-- sign-ins and audit writes do not. The increment runs in a deferred trigger, so the row is locked only while a
-- transaction commits, never for the length of a long import.

CREATE TABLE "data_version" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_version_single_row" CHECK ("id" = 1)
);
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);

-- One row per writing transaction, from its first change until its commit (the deferred trigger removes it).
CREATE TABLE "data_version_marks" (
    "txid" BIGINT NOT NULL,
    CONSTRAINT "data_version_marks_pkey" PRIMARY KEY ("txid")
);

-- Statement-level, so a bulk load pays once per statement, and only the first change of a transaction marks it.
CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('pmc.data_change_noted', true), '') <> 'on' THEN
    PERFORM set_config('pmc.data_change_noted', 'on', true);
    INSERT INTO data_version_marks (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- UPDATE and DELETE statements that match no row are frequent (a job activating the contracts that are due, a
-- retry that finds nothing left to do): they see their rows in a transition table and mark nothing when it is
-- empty. Inserts are not given one, so that a bulk load does not keep a copy of every row it writes.
CREATE FUNCTION note_data_change_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('pmc.data_change_noted', true), '') <> 'on' AND EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM set_config('pmc.data_change_noted', 'on', true);
    INSERT INTO data_version_marks (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION apply_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = clock_timestamp() WHERE id = 1;
  DELETE FROM data_version_marks WHERE txid = NEW.txid;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER data_version_at_commit AFTER INSERT ON data_version_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION apply_data_change();

-- For changes no trigger sees (partitions attached by a bulk load).
CREATE FUNCTION bump_data_version() RETURNS void LANGUAGE sql AS $$
  SELECT set_config('pmc.data_change_noted', 'on', true);
  INSERT INTO data_version_marks (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
$$;

-- Every table of the portal's data, except those that record who did or saw what (the audit log) and the
-- migrations' own bookkeeping. Partitions are covered by their partitioned table.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname NOT IN ('_prisma_migrations', 'audit_log', 'data_version', 'data_version_marks',
                             'users', 'import_batches', 'analysis_runs')
  LOOP
    EXECUTE format('CREATE TRIGGER data_version_note AFTER INSERT OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t);
    EXECUTE format('CREATE TRIGGER data_version_note_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_of_rows()', t);
    EXECUTE format('CREATE TRIGGER data_version_note_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_of_rows()', t);
  END LOOP;
END $$;

-- Users: what a page shows of its viewer and scope, not password changes.
CREATE TRIGGER data_version_note AFTER INSERT OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER data_version_note_update
  AFTER UPDATE OF "email", "name", "role", "office_code", "officer_id", "integrity_access", "locale", "active" ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();

-- Import batches and analysis runs: their outcome, not the progress they report every few hundred milliseconds.
CREATE TRIGGER data_version_note AFTER INSERT OR DELETE OR TRUNCATE ON "import_batches"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER data_version_note_update AFTER UPDATE OF "status" ON "import_batches"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER data_version_note AFTER INSERT OR DELETE OR TRUNCATE ON "analysis_runs"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER data_version_note_update AFTER UPDATE OF "status" ON "analysis_runs"
  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
