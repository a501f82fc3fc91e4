-- The portal connects as a role that may not create tables (docs/security.md): the monthly partitions an import
-- needs are created by this function with its owner's rights, and only partitions of declarations can be made.
ALTER FUNCTION ensure_declaration_partitions(timestamp, timestamp) SECURITY DEFINER SET search_path = public;
REVOKE ALL ON FUNCTION ensure_declaration_partitions(timestamp, timestamp) FROM PUBLIC;
