-- AlterTable
ALTER TABLE "flags" ADD COLUMN     "revenue_at_stake" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "unfounded_flag_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "detection_tests" (
    "method" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "tests" INTEGER NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "detection_tests_pkey" PRIMARY KEY ("method","period_from","period_to")
);

-- CreateTable
CREATE TABLE "triage_capacity" (
    "scope" TEXT NOT NULL,
    "cases_per_month" INTEGER NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "triage_capacity_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "weekly_digests" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "week_start" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weekly_digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "weekly_digests_user_id_week_start_key" ON "weekly_digests"("user_id", "week_start");


-- Written by hand (the datamodel cannot say it): a list column is never NULL, as confirmed_decl_ids; only a
-- confirmed finding may leave some of its flags unfounded; capacities are whole cases, at least one a month.
ALTER TABLE "cases" ALTER COLUMN "unfounded_flag_ids" SET NOT NULL;
ALTER TABLE "cases" ADD CONSTRAINT "cases_unfounded_flags_check"
  CHECK (cardinality("unfounded_flag_ids") = 0 OR "finding" IS NOT DISTINCT FROM 'CONFIRMED');
ALTER TABLE "triage_capacity" ADD CONSTRAINT "triage_capacity_positive_check" CHECK ("cases_per_month" >= 1);
ALTER TABLE "weekly_digests" ADD CONSTRAINT "weekly_digests_channel_check" CHECK ("channel" IN ('email', 'portal'));
