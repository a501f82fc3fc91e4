-- CreateEnum
CREATE TYPE "FlagState" AS ENUM ('NEW', 'DISMISSED', 'IN_CASE');

-- CreateTable
CREATE TABLE "flags" (
    "id" SERIAL NOT NULL,
    "method" TEXT NOT NULL,
    "kpi_id" TEXT NOT NULL DEFAULT '',
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "related_id" TEXT NOT NULL DEFAULT '',
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "stats" JSONB NOT NULL,
    "rule" JSONB NOT NULL,
    "office_code" TEXT,
    "state" "FlagState" NOT NULL DEFAULT 'NEW',
    "dismiss_reason" TEXT,
    "triaged_by_id" TEXT,
    "triaged_at" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "first_detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detection_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "params" JSONB NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "detection_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "flags_state_score_idx" ON "flags"("state", "score");

-- CreateIndex
CREATE INDEX "flags_office_code_period_from_idx" ON "flags"("office_code", "period_from");

-- CreateIndex
CREATE UNIQUE INDEX "flags_method_kpi_id_subject_type_subject_id_related_id_peri_key" ON "flags"("method", "kpi_id", "subject_type", "subject_id", "related_id", "period_from", "period_to");

