-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'ASSIGNED', 'FINDING_RECORDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseFinding" AS ENUM ('CONFIRMED', 'UNFOUNDED', 'INCONCLUSIVE');

-- CreateEnum
CREATE TYPE "CaseActionType" AS ENUM ('TAX_ADJUSTMENT', 'FINE', 'DISCIPLINARY_REFERRAL', 'TRAINING', 'CONTRACT_SANCTION');

-- CreateTable
CREATE TABLE "cases" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "office_code" TEXT,
    "subject_officer_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "opened_by_id" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignee_id" TEXT,
    "assigned_at" TIMESTAMPTZ(3),
    "due_date" DATE,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "finding" "CaseFinding",
    "finding_summary" TEXT,
    "offence_code" TEXT,
    "confirmed_decl_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "finding_by_id" TEXT,
    "finding_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closing_note" TEXT,
    "reopened_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_flags" (
    "flag_id" INTEGER NOT NULL,
    "case_id" INTEGER NOT NULL,
    "added_by_id" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_flags_pkey" PRIMARY KEY ("flag_id")
);

-- CreateTable
CREATE TABLE "case_evidence" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "flag_id" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "declaration_count" INTEGER NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "captured_by_id" TEXT NOT NULL,
    "captured_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_notes" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_attachments" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "stored_name" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "file_type" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_actions" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "type" "CaseActionType" NOT NULL,
    "amount" DECIMAL(18,2),
    "decl_id" TEXT,
    "note" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integrity_digests" (
    "id" SERIAL NOT NULL,
    "digest_date" DATE NOT NULL,
    "overdue_case_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "counts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integrity_digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cases_office_code_status_idx" ON "cases"("office_code", "status");

-- CreateIndex
CREATE INDEX "cases_status_due_date_idx" ON "cases"("status", "due_date");

-- CreateIndex
CREATE INDEX "cases_assignee_id_status_idx" ON "cases"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "case_flags_case_id_idx" ON "case_flags"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_evidence_case_id_flag_id_key" ON "case_evidence"("case_id", "flag_id");

-- CreateIndex
CREATE INDEX "case_notes_case_id_created_at_idx" ON "case_notes"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_attachments_stored_name_key" ON "case_attachments"("stored_name");

-- CreateIndex
CREATE INDEX "case_attachments_case_id_idx" ON "case_attachments"("case_id");

-- CreateIndex
CREATE INDEX "case_actions_case_id_idx" ON "case_actions"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "integrity_digests_digest_date_key" ON "integrity_digests"("digest_date");

-- AddForeignKey
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Written by hand (the datamodel cannot express these):
-- Prisma lists are nullable columns; an empty list means none.
ALTER TABLE "cases" ALTER COLUMN "subject_officer_ids" SET NOT NULL;
ALTER TABLE "cases" ALTER COLUMN "confirmed_decl_ids" SET NOT NULL;
ALTER TABLE "integrity_digests" ALTER COLUMN "overdue_case_ids" SET NOT NULL;

-- The lifecycle's facts hold whatever writes the row (lib/cases/case-rules.ts states the same rules): past OPEN a
-- case has an investigator and a due date; a finding exactly once recorded and until reopened, a confirmed one with
-- its offence code; closure with its author; and four eyes: the closer is neither the investigator nor whoever
-- recorded the finding.
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_check"
  CHECK ("status" = 'OPEN' OR ("assignee_id" IS NOT NULL AND "due_date" IS NOT NULL));
ALTER TABLE "cases" ADD CONSTRAINT "cases_finding_check"
  CHECK (("status" IN ('FINDING_RECORDED', 'CLOSED')) = ("finding" IS NOT NULL AND "finding_by_id" IS NOT NULL AND "finding_at" IS NOT NULL));
ALTER TABLE "cases" ADD CONSTRAINT "cases_offence_check"
  CHECK (("finding" IS NOT DISTINCT FROM 'CONFIRMED') = ("offence_code" IS NOT NULL));
ALTER TABLE "cases" ADD CONSTRAINT "cases_closed_check"
  CHECK (("status" = 'CLOSED') = ("closed_by_id" IS NOT NULL AND "closed_at" IS NOT NULL));
ALTER TABLE "cases" ADD CONSTRAINT "cases_four_eyes_check"
  CHECK ("closed_by_id" IS NULL OR ("closed_by_id" <> "finding_by_id" AND "closed_by_id" <> "assignee_id"));

-- An amount, positive, exactly for a tax adjustment or a fine; a declaration only for a tax adjustment.
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_amount_check"
  CHECK (("type" IN ('TAX_ADJUSTMENT', 'FINE')) = ("amount" IS NOT NULL) AND ("amount" IS NULL OR "amount" > 0));
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_decl_check"
  CHECK ("decl_id" IS NULL OR "type" = 'TAX_ADJUSTMENT');

-- What a case rests on is never rewritten: its flags, frozen evidence, notes, attachments and actions are
-- append-only, like audit_log.
CREATE FUNCTION case_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_flags_no_update_delete BEFORE UPDATE OR DELETE ON "case_flags"
  FOR EACH ROW EXECUTE FUNCTION case_record_refuse_change();
CREATE TRIGGER case_evidence_no_update_delete BEFORE UPDATE OR DELETE ON "case_evidence"
  FOR EACH ROW EXECUTE FUNCTION case_record_refuse_change();
CREATE TRIGGER case_notes_no_update_delete BEFORE UPDATE OR DELETE ON "case_notes"
  FOR EACH ROW EXECUTE FUNCTION case_record_refuse_change();
CREATE TRIGGER case_attachments_no_update_delete BEFORE UPDATE OR DELETE ON "case_attachments"
  FOR EACH ROW EXECUTE FUNCTION case_record_refuse_change();
CREATE TRIGGER case_actions_no_update_delete BEFORE UPDATE OR DELETE ON "case_actions"
  FOR EACH ROW EXECUTE FUNCTION case_record_refuse_change();
