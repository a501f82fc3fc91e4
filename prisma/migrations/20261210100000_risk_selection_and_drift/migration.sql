-- AlterEnum
ALTER TYPE "AnalysisRunKind" ADD VALUE 'RISK_DRIFT';

-- AlterTable
ALTER TABLE "risk_models" ADD COLUMN "selection" JSONB,
ADD COLUMN "drift_reference" JSONB;

-- CreateTable
CREATE TABLE "risk_drift_checks" (
    "model_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "rows" INTEGER NOT NULL,
    "illicit" INTEGER NOT NULL,
    "score_psi" DOUBLE PRECISION NOT NULL,
    "factor_psi" DOUBLE PRECISION NOT NULL,
    "level" TEXT NOT NULL,
    "shares" JSONB NOT NULL,
    "top_factors" JSONB NOT NULL,
    "precision_at5" DOUBLE PRECISION,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_drift_checks_pkey" PRIMARY KEY ("model_id","month")
);

-- AddForeignKey
ALTER TABLE "risk_drift_checks" ADD CONSTRAINT "risk_drift_checks_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "risk_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;
