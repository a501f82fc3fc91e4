-- CreateEnum
CREATE TYPE "ContractPartyType" AS ENUM ('OFFICER', 'UNIT', 'OFFICE');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'SIGNED', 'ACKNOWLEDGED', 'ACTIVE', 'CLOSED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "EvaluationDecision" AS ENUM ('REWARD', 'NO_ACTION', 'WARNING', 'SANCTION');

-- CreateEnum
CREATE TYPE "AppealOutcome" AS ENUM ('UPHELD', 'OVERTURNED');

-- CreateTable
CREATE TABLE "contracts" (
    "id" SERIAL NOT NULL,
    "contract_no" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'DRAFT',
    "template_key" TEXT,
    "principal_id" TEXT NOT NULL,
    "party_type" "ContractPartyType" NOT NULL,
    "party_officer_id" TEXT,
    "office_code" TEXT NOT NULL,
    "party_unit" TEXT,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "review_cadence" TEXT NOT NULL DEFAULT 'monthly',
    "evaluation_cadence" TEXT NOT NULL DEFAULT 'quarterly',
    "amendment_reason" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signed_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,
    "activated_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_indicators" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kpi_id" TEXT NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "min_volume" INTEGER NOT NULL DEFAULT 30,

    CONSTRAINT "contract_indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_reviews" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "agreed_actions" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_evaluations" (
    "id" SERIAL NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "scorecard" JSONB NOT NULL,
    "inputs_hash" TEXT NOT NULL,
    "overall_score" DOUBLE PRECISION,
    "decision" "EvaluationDecision" NOT NULL,
    "comments" TEXT NOT NULL,
    "evaluator_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appeal_reason" TEXT,
    "appealed_at" TIMESTAMPTZ(3),
    "appeal_outcome" "AppealOutcome",
    "appeal_comments" TEXT,
    "appeal_decided_by_id" TEXT,
    "appeal_decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "contract_evaluations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contracts_office_code_status_idx" ON "contracts"("office_code", "status");

-- CreateIndex
CREATE INDEX "contracts_party_officer_id_status_idx" ON "contracts"("party_officer_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "contracts_contract_no_version_key" ON "contracts"("contract_no", "version");

-- CreateIndex
CREATE UNIQUE INDEX "contract_indicators_contract_id_kpi_id_key" ON "contract_indicators"("contract_id", "kpi_id");

-- CreateIndex
CREATE UNIQUE INDEX "contract_reviews_contract_id_month_key" ON "contract_reviews"("contract_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "contract_evaluations_contract_id_period_from_period_to_key" ON "contract_evaluations"("contract_id", "period_from", "period_to");

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_principal_id_fkey" FOREIGN KEY ("principal_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_party_officer_id_fkey" FOREIGN KEY ("party_officer_id") REFERENCES "officers"("officer_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "offices"("office_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_indicators" ADD CONSTRAINT "contract_indicators_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_reviews" ADD CONSTRAINT "contract_reviews_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_evaluations" ADD CONSTRAINT "contract_evaluations_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

