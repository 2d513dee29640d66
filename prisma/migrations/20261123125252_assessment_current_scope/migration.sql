-- DropIndex
DROP INDEX "Assessment_organizationId_skuId_idx";

-- DropIndex
DROP INDEX "Assessment_organizationId_status_idx";

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "current" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Assessment_organizationId_skuId_current_idx" ON "Assessment"("organizationId", "skuId", "current");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_status_current_idx" ON "Assessment"("organizationId", "status", "current");

