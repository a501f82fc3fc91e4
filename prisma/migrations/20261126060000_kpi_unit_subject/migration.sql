-- AlterEnum
ALTER TYPE "KpiSubjectType" ADD VALUE 'unit';

