-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AnalysisRunKind" ADD VALUE 'TRS_COMPUTE';
ALTER TYPE "AnalysisRunKind" ADD VALUE 'MIRROR_COMPUTE';

-- CreateTable
CREATE TABLE "trs_results" (
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "office_code" TEXT NOT NULL,
    "lane" "Lane" NOT NULL,
    "interval" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "mean_h" DOUBLE PRECISION,
    "median_h" DOUBLE PRECISION,
    "p90_h" DOUBLE PRECISION,
    "censored" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_import_id" INTEGER,

    CONSTRAINT "trs_results_pkey" PRIMARY KEY ("period_from","period_to","office_code","lane","interval")
);

-- CreateTable
CREATE TABLE "mirror_results" (
    "year" INTEGER NOT NULL,
    "partner_country" TEXT NOT NULL,
    "hs6" TEXT NOT NULL,
    "x_fob_usd" DOUBLE PRECISION NOT NULL,
    "x_kg" DOUBLE PRECISION,
    "m_fob_usd" DOUBLE PRECISION NOT NULL,
    "m_kg" DOUBLE PRECISION NOT NULL,
    "value_gap_usd" DOUBLE PRECISION NOT NULL,
    "rel_gap" DOUBLE PRECISION,
    "qty_gap" DOUBLE PRECISION,
    "unit_value_ratio" DOUBLE PRECISION,
    "tax_rate" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL,
    "revenue_at_stake" DOUBLE PRECISION,
    "per_usd" DOUBLE PRECISION NOT NULL,
    "cif_to_fob" DOUBLE PRECISION NOT NULL,
    "min_export_usd" DOUBLE PRECISION NOT NULL,
    "min_rel_gap" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_import_id" INTEGER,

    CONSTRAINT "mirror_results_pkey" PRIMARY KEY ("year","partner_country","hs6")
);

-- CreateIndex
CREATE INDEX "trs_results_office_code_lane_interval_period_from_idx" ON "trs_results"("office_code", "lane", "interval", "period_from");

-- CreateIndex
CREATE INDEX "mirror_results_year_flagged_revenue_at_stake_idx" ON "mirror_results"("year", "flagged", "revenue_at_stake");

