-- json, not jsonb: keeps the columns of a rejected row in their file order for the download.
ALTER TABLE "import_rejected_rows" ALTER COLUMN "values" SET DATA TYPE JSON;

