-- CreateEnum
CREATE TYPE "KpiDisputeStatus" AS ENUM ('OPEN', 'ACCEPTED_CORRECTED', 'ACCEPTED_ANNOTATED', 'REJECTED');

-- CreateTable
CREATE TABLE "kpi_disputes" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "officer_id" TEXT NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "seen_value" DOUBLE PRECISION,
    "seen_numerator" DOUBLE PRECISION,
    "seen_denominator" DOUBLE PRECISION,
    "reason" TEXT NOT NULL,
    "decl_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "KpiDisputeStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "corrected_value" DOUBLE PRECISION,
    "filed_by_id" TEXT NOT NULL,
    "answered_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "kpi_disputes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kpi_disputes_contract_id_kpi_id_month_idx" ON "kpi_disputes"("contract_id", "kpi_id", "month");

-- CreateIndex
CREATE INDEX "kpi_disputes_officer_id_status_idx" ON "kpi_disputes"("officer_id", "status");

-- CreateIndex
CREATE INDEX "kpi_disputes_status_created_at_idx" ON "kpi_disputes"("status", "created_at");

-- AddForeignKey
ALTER TABLE "kpi_disputes" ADD CONSTRAINT "kpi_disputes_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (the datamodel cannot express these):
-- At most one OPEN dispute per officer, KPI and month; answered ones stay as history, and a new one may follow.
CREATE UNIQUE INDEX "kpi_disputes_one_open_key" ON "kpi_disputes"("officer_id", "kpi_id", "month") WHERE "status" = 'OPEN';

-- Prisma lists are nullable columns; an empty list means "no declaration pointed at".
ALTER TABLE "kpi_disputes" ALTER COLUMN "decl_ids" SET NOT NULL;

-- An answer comes with its author and time exactly when the dispute is no longer open, and a corrected value exactly
-- when it was accepted with a correction, whatever writes the row.
ALTER TABLE "kpi_disputes" ADD CONSTRAINT "kpi_disputes_answer_check"
  CHECK (("status" = 'OPEN') = ("answer" IS NULL AND "answered_by_id" IS NULL AND "answered_at" IS NULL));
ALTER TABLE "kpi_disputes" ADD CONSTRAINT "kpi_disputes_correction_check"
  CHECK (("status" = 'ACCEPTED_CORRECTED') = ("corrected_value" IS NOT NULL));
