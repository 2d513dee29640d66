-- CreateEnum
CREATE TYPE "RiskClass" AS ENUM ('unclassified', 'low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('lab_test_report', 'certificate', 'ics', 'ixit', 'technical_documentation', 'policy', 'user_manual', 'label_photo', 'firmware_package', 'sbom', 'statement', 'link');

-- CreateEnum
CREATE TYPE "EvidenceReviewState" AS ENUM ('draft', 'submitted', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('not_started', 'in_progress', 'covered', 'partial', 'gap', 'not_applicable');

-- CreateEnum
CREATE TYPE "AssessmentOrigin" AS ENUM ('manual', 'derived', 'remapped');

-- AlterTable
ALTER TABLE "Sku" ADD COLUMN     "riskClass" "RiskClass" NOT NULL DEFAULT 'unclassified';

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT,
    "effectiveDate" DATE,
    "expiryDate" DATE,
    "firmwareDependent" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT,
    "statementText" TEXT,
    "reviewState" "EvidenceReviewState" NOT NULL DEFAULT 'draft',
    "reviewComment" TEXT,
    "reviewedById" TEXT,
    "reviewedByEmail" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceRevision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "uploadedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceClauseLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "note" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceClauseLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceSkuLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "firmwareVersionId" TEXT,
    "scopeKey" TEXT NOT NULL DEFAULT '',
    "note" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceSkuLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "firmwareVersionId" TEXT,
    "scopeKey" TEXT NOT NULL DEFAULT '',
    "clauseId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL,
    "origin" "AssessmentOrigin" NOT NULL,
    "reason" TEXT,
    "explanation" JSONB,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "needsReviewReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_organizationId_createdAt_id_idx" ON "Evidence"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Evidence_organizationId_expiryDate_idx" ON "Evidence"("organizationId", "expiryDate");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_id_organizationId_key" ON "Evidence"("id", "organizationId");

-- CreateIndex
CREATE INDEX "EvidenceRevision_organizationId_sha256_idx" ON "EvidenceRevision"("organizationId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceRevision_evidenceId_number_key" ON "EvidenceRevision"("evidenceId", "number");

-- CreateIndex
CREATE INDEX "EvidenceClauseLink_organizationId_clauseId_idx" ON "EvidenceClauseLink"("organizationId", "clauseId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceClauseLink_evidenceId_clauseId_key" ON "EvidenceClauseLink"("evidenceId", "clauseId");

-- CreateIndex
CREATE INDEX "EvidenceSkuLink_organizationId_skuId_idx" ON "EvidenceSkuLink"("organizationId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceSkuLink_evidenceId_skuId_scopeKey_key" ON "EvidenceSkuLink"("evidenceId", "skuId", "scopeKey");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_skuId_idx" ON "Assessment"("organizationId", "skuId");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_status_idx" ON "Assessment"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_skuId_scopeKey_clauseId_key" ON "Assessment"("skuId", "scopeKey", "clauseId");

-- CreateIndex
CREATE INDEX "Notification_organizationId_userId_createdAt_idx" ON "Notification"("organizationId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_organizationId_userId_dedupeKey_key" ON "Notification"("organizationId", "userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRevision" ADD CONSTRAINT "EvidenceRevision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceRevision" ADD CONSTRAINT "EvidenceRevision_evidenceId_organizationId_fkey" FOREIGN KEY ("evidenceId", "organizationId") REFERENCES "Evidence"("id", "organizationId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceClauseLink" ADD CONSTRAINT "EvidenceClauseLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceClauseLink" ADD CONSTRAINT "EvidenceClauseLink_evidenceId_organizationId_fkey" FOREIGN KEY ("evidenceId", "organizationId") REFERENCES "Evidence"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceClauseLink" ADD CONSTRAINT "EvidenceClauseLink_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSkuLink" ADD CONSTRAINT "EvidenceSkuLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSkuLink" ADD CONSTRAINT "EvidenceSkuLink_evidenceId_organizationId_fkey" FOREIGN KEY ("evidenceId", "organizationId") REFERENCES "Evidence"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSkuLink" ADD CONSTRAINT "EvidenceSkuLink_skuId_organizationId_fkey" FOREIGN KEY ("skuId", "organizationId") REFERENCES "Sku"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceSkuLink" ADD CONSTRAINT "EvidenceSkuLink_firmwareVersionId_fkey" FOREIGN KEY ("firmwareVersionId") REFERENCES "FirmwareVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_skuId_organizationId_fkey" FOREIGN KEY ("skuId", "organizationId") REFERENCES "Sku"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_firmwareVersionId_fkey" FOREIGN KEY ("firmwareVersionId") REFERENCES "FirmwareVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "Clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

