-- AlterTable
ALTER TABLE "users" ADD COLUMN     "integrity_access" BOOLEAN NOT NULL DEFAULT false;

