-- AlterTable
ALTER TABLE "declarations" ALTER COLUMN "regime" DROP NOT NULL;

-- AlterTable
ALTER TABLE "import_rejected_rows" DROP COLUMN "raw",
ADD COLUMN     "values" JSONB NOT NULL;

