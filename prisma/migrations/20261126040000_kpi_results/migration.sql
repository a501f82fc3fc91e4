-- CreateEnum
CREATE TYPE "KpiSubjectType" AS ENUM ('officer', 'office');

-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "affected_cells" JSONB;

-- CreateTable
CREATE TABLE "kpi_results" (
    "id" BIGSERIAL NOT NULL,
    "subject_type" "KpiSubjectType" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_import_id" INTEGER,

    CONSTRAINT "kpi_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kpi_results_kpi_id_period_from_period_to_idx" ON "kpi_results"("kpi_id", "period_from", "period_to");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_results_subject_type_subject_id_period_from_period_to_k_key" ON "kpi_results"("subject_type", "subject_id", "period_from", "period_to", "kpi_id");

