-- CreateEnum
CREATE TYPE "AnalysisRunKind" AS ENUM ('SELECTIVITY_COMPUTE', 'RISK_TRAIN', 'RISK_SCORE');

-- CreateEnum
CREATE TYPE "AnalysisRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "SelectivityLaneKind" AS ENUM ('initial', 'final');

-- CreateTable
CREATE TABLE "analysis_runs" (
    "id" SERIAL NOT NULL,
    "kind" "AnalysisRunKind" NOT NULL,
    "params" JSONB NOT NULL,
    "status" "AnalysisRunStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "requested_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "analysis_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "selectivity_lanes" (
    "month" DATE NOT NULL,
    "office_code" TEXT NOT NULL,
    "lane_kind" "SelectivityLaneKind" NOT NULL,
    "lane" "Lane" NOT NULL,
    "declarations" INTEGER NOT NULL,
    "office_declarations" INTEGER NOT NULL,
    "inspections" INTEGER NOT NULL,
    "offences" INTEGER NOT NULL,
    "adjustment_total" DECIMAL(18,2) NOT NULL,
    "tax_delta" DECIMAL(18,2) NOT NULL,
    "tax_delta_n" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_import_id" INTEGER,

    CONSTRAINT "selectivity_lanes_pkey" PRIMARY KEY ("month","office_code","lane_kind","lane")
);

-- CreateTable
CREATE TABLE "selectivity_reroutes" (
    "month" DATE NOT NULL,
    "office_code" TEXT NOT NULL,
    "officer_id" TEXT NOT NULL,
    "lane_initial" "Lane" NOT NULL,
    "lane_final" "Lane" NOT NULL,
    "reroutes" INTEGER NOT NULL,
    "with_offence" INTEGER NOT NULL,
    "inspection_offences" INTEGER NOT NULL,
    "case_findings" INTEGER NOT NULL,
    "adjustment_total" DECIMAL(18,2) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_import_id" INTEGER,

    CONSTRAINT "selectivity_reroutes_pkey" PRIMARY KEY ("month","office_code","officer_id","lane_initial","lane_final")
);

-- CreateTable
CREATE TABLE "risk_models" (
    "id" TEXT NOT NULL,
    "data_hash" TEXT NOT NULL,
    "train_from" DATE NOT NULL,
    "train_to" DATE NOT NULL,
    "rows" INTEGER NOT NULL,
    "positives" INTEGER NOT NULL,
    "intercept" DOUBLE PRECISION NOT NULL,
    "features" JSONB NOT NULL,
    "encodings" JSONB NOT NULL,
    "unit_value_reference" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "metrics" JSONB,
    "sources" JSONB NOT NULL,
    "training_seconds" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_scores" (
    "model_id" TEXT NOT NULL,
    "decl_id" TEXT NOT NULL,
    "office_code" TEXT NOT NULL,
    "reg_ts" TIMESTAMP(0) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "factors" JSONB NOT NULL,
    "scored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_scores_pkey" PRIMARY KEY ("model_id","decl_id")
);

-- CreateIndex
CREATE INDEX "analysis_runs_kind_created_at_idx" ON "analysis_runs"("kind", "created_at");

-- CreateIndex
CREATE INDEX "selectivity_lanes_office_code_month_idx" ON "selectivity_lanes"("office_code", "month");

-- CreateIndex
CREATE INDEX "selectivity_reroutes_office_code_month_idx" ON "selectivity_reroutes"("office_code", "month");

-- CreateIndex
CREATE UNIQUE INDEX "risk_models_data_hash_key" ON "risk_models"("data_hash");

-- CreateIndex
CREATE INDEX "risk_models_created_at_idx" ON "risk_models"("created_at");

-- CreateIndex
CREATE INDEX "risk_scores_model_id_reg_ts_score_idx" ON "risk_scores"("model_id", "reg_ts", "score");

-- CreateIndex
CREATE INDEX "risk_scores_decl_id_idx" ON "risk_scores"("decl_id");

-- AddForeignKey
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "risk_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

