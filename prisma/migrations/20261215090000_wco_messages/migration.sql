-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'WCO';

-- CreateTable
CREATE TABLE "wco_messages" (
    "id" BIGSERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "function_code" INTEGER NOT NULL,
    "lrn" TEXT,
    "mrn" TEXT,
    "issued_at" TIMESTAMP(0),
    "source_file" TEXT NOT NULL,
    "batch_id" INTEGER,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wco_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "wco_messages_sha256_key" ON "wco_messages"("sha256");

-- CreateIndex
CREATE INDEX "wco_messages_lrn_idx" ON "wco_messages"("lrn");

-- CreateIndex
CREATE INDEX "wco_messages_mrn_idx" ON "wco_messages"("mrn");

-- AddForeignKey
ALTER TABLE "wco_messages" ADD CONSTRAINT "wco_messages_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

