-- The tables created after the data version (docs/decisions/026-rendered-page-cache.md) move it too, as every table
-- of the portal's data does: the work queue's test counts, capacity and digests, the risk model's drift checks, the
-- WCO messages, API tokens and retention settings. The view log stays out: recording who looked at a page is no
-- change of what the pages show (docs/decisions/033-harmonised-data-and-privacy.md).
CREATE FUNCTION track_data_version(t text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER data_version_note AFTER INSERT OR TRUNCATE ON %I
                  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t);
  EXECUTE format('CREATE TRIGGER data_version_note_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_of_rows()', t);
  EXECUTE format('CREATE TRIGGER data_version_note_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
                  FOR EACH STATEMENT EXECUTE FUNCTION note_data_change_of_rows()', t);
END $$;

SELECT track_data_version(t) FROM unnest(ARRAY[
  'detection_tests', 'triage_capacity', 'weekly_digests', 'risk_drift_checks', 'wco_messages', 'api_tokens',
  'retention_settings'
]) AS t;
