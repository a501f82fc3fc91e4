-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Lane" AS ENUM ('G', 'B', 'Y', 'R');

-- CreateEnum
CREATE TYPE "Flow" AS ENUM ('I', 'E');

-- CreateEnum
CREATE TYPE "AssignmentMode" AS ENUM ('auto', 'manual');

-- CreateEnum
CREATE TYPE "DeclarationStatus" AS ENUM ('registered', 'assessed', 'paid', 'released', 'cancelled');

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('offence', 'no_offence');

-- CreateEnum
CREATE TYPE "EventAction" AS ENUM ('register', 'assign', 'reroute', 'assess', 'amend', 'pay', 'release', 'cancel');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'OFFICER', 'INTEGRITY');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CANONICAL', 'KCS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "offices" (
    "office_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "open_time" TEXT NOT NULL,
    "close_time" TEXT NOT NULL,
    "workdays" INTEGER[],

    CONSTRAINT "offices_pkey" PRIMARY KEY ("office_code")
);

-- CreateTable
CREATE TABLE "officers" (
    "officer_id" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "office_code" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "grade" TEXT,
    "email" TEXT,

    CONSTRAINT "officers_pkey" PRIMARY KEY ("officer_id")
);

-- CreateTable
CREATE TABLE "brokers" (
    "broker_id" TEXT NOT NULL,

    CONSTRAINT "brokers_pkey" PRIMARY KEY ("broker_id")
);

-- CreateTable
CREATE TABLE "importers" (
    "importer_id" TEXT NOT NULL,

    CONSTRAINT "importers_pkey" PRIMARY KEY ("importer_id")
);

-- CreateTable
CREATE TABLE "declarations" (
    "decl_id" TEXT NOT NULL,
    "office_code" TEXT NOT NULL,
    "flow" "Flow" NOT NULL,
    "regime" TEXT NOT NULL,
    "broker_id" TEXT,
    "importer_id" TEXT,
    "export_country" TEXT,
    "arrival_ts" TIMESTAMP(0),
    "reg_ts" TIMESTAMP(0) NOT NULL,
    "lane_initial" "Lane" NOT NULL,
    "lane_final" "Lane" NOT NULL,
    "assignment_mode" "AssignmentMode" NOT NULL,
    "assessing_officer_id" TEXT,
    "asmt_ts" TIMESTAMP(0),
    "pay_ts" TIMESTAMP(0),
    "release_ts" TIMESTAMP(0),
    "value_initial" DECIMAL(18,2),
    "value_final" DECIMAL(18,2),
    "taxes_initial" DECIMAL(18,2),
    "taxes_final" DECIMAL(18,2),
    "status" "DeclarationStatus" NOT NULL,
    "import_batch_id" INTEGER,

    CONSTRAINT "declarations_pkey" PRIMARY KEY ("decl_id")
);

-- CreateTable
CREATE TABLE "items" (
    "decl_id" TEXT NOT NULL,
    "item_no" INTEGER NOT NULL,
    "hs_code" TEXT NOT NULL,
    "hs6" TEXT NOT NULL,
    "description" TEXT,
    "origin_country" TEXT NOT NULL,
    "net_kg" DECIMAL(18,3),
    "gross_kg" DECIMAL(18,3),
    "supp_qty" DECIMAL(18,3),
    "supp_unit" TEXT,
    "cif_value" DECIMAL(18,2),
    "taxes" DECIMAL(18,2),

    CONSTRAINT "items_pkey" PRIMARY KEY ("decl_id","item_no")
);

-- CreateTable
CREATE TABLE "inspections" (
    "decl_id" TEXT NOT NULL,
    "inspector_id" TEXT,
    "exam_ts" TIMESTAMP(0) NOT NULL,
    "result" "InspectionResult" NOT NULL,
    "offence_code" TEXT,
    "adjustment_amount" DECIMAL(18,2),

    CONSTRAINT "inspections_pkey" PRIMARY KEY ("decl_id","exam_ts")
);

-- CreateTable
CREATE TABLE "events" (
    "decl_id" TEXT NOT NULL,
    "ts" TIMESTAMP(0) NOT NULL,
    "action" "EventAction" NOT NULL,
    "officer_id" TEXT,
    "lane_from" "Lane",
    "lane_to" "Lane",

    CONSTRAINT "events_pkey" PRIMARY KEY ("decl_id","ts","action")
);

-- CreateTable
CREATE TABLE "mirror_exports" (
    "partner_country" TEXT NOT NULL,
    "hs6" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "fob_usd" DECIMAL(18,2) NOT NULL,
    "net_kg" DECIMAL(18,3),

    CONSTRAINT "mirror_exports_pkey" PRIMARY KEY ("partner_country","hs6","year")
);

-- CreateTable
CREATE TABLE "exchange_rates" (
    "year" INTEGER NOT NULL,
    "per_usd" DECIMAL(18,6) NOT NULL,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "holidays" (
    "date" DATE NOT NULL,
    "office_code" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("date","office_code")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "source_name" TEXT NOT NULL,
    "source_path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "phase" TEXT,
    "file_counts" JSONB,
    "quality" JSONB,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_rejected_rows" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "import_rejected_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "office_code" TEXT,
    "officer_id" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "officers_office_code_unit_idx" ON "officers"("office_code", "unit");

-- CreateIndex
CREATE INDEX "declarations_assessing_officer_id_reg_ts_idx" ON "declarations"("assessing_officer_id", "reg_ts");

-- CreateIndex
CREATE INDEX "declarations_office_code_reg_ts_idx" ON "declarations"("office_code", "reg_ts");

-- CreateIndex
CREATE INDEX "declarations_reg_ts_idx" ON "declarations"("reg_ts");

-- CreateIndex
CREATE INDEX "declarations_broker_id_reg_ts_idx" ON "declarations"("broker_id", "reg_ts");

-- CreateIndex
CREATE INDEX "declarations_office_code_asmt_ts_idx" ON "declarations"("office_code", "asmt_ts");

-- CreateIndex
CREATE INDEX "items_hs6_origin_country_idx" ON "items"("hs6", "origin_country");

-- CreateIndex
CREATE INDEX "inspections_inspector_id_exam_ts_idx" ON "inspections"("inspector_id", "exam_ts");

-- CreateIndex
CREATE INDEX "inspections_exam_ts_idx" ON "inspections"("exam_ts");

-- CreateIndex
CREATE INDEX "events_officer_id_ts_idx" ON "events"("officer_id", "ts");

-- CreateIndex
CREATE INDEX "events_ts_idx" ON "events"("ts");

-- CreateIndex
CREATE INDEX "import_batches_created_at_idx" ON "import_batches"("created_at");

-- CreateIndex
CREATE INDEX "import_rejected_rows_batch_id_file_line_idx" ON "import_rejected_rows"("batch_id", "file", "line");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_officer_id_key" ON "users"("officer_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_at_idx" ON "audit_log"("entity_type", "entity_id", "at");

-- AddForeignKey
ALTER TABLE "officers" ADD CONSTRAINT "officers_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "offices"("office_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "offices"("office_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rejected_rows" ADD CONSTRAINT "import_rejected_rows_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "offices"("office_code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "officers"("officer_id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit log is append-only, enforced by the database itself (not only by the application).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
