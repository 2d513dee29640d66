-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'evidence_register';

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "reportNumber" TEXT;

