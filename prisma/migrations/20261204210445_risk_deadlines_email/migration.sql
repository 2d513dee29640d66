-- CreateEnum
CREATE TYPE "RiskClassOrigin" AS ENUM ('none', 'list', 'manual');

-- CreateEnum
CREATE TYPE "MarketStatus" AS ENUM ('planned', 'on_market', 'withdrawn');

-- CreateEnum
CREATE TYPE "DeclarationRoute" AS ENUM ('self_assessment', 'certification');

-- CreateEnum
CREATE TYPE "DeclarationStatus" AS ENUM ('submitted', 'acknowledged', 'returned_for_correction', 'withdrawn');

-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notificationPreferences" JSONB,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "dashboardPreviousSeenAt" TIMESTAMP(3),
ADD COLUMN     "dashboardSeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Sku" ADD COLUMN     "listRiskClass" "RiskClass",
ADD COLUMN     "listRiskEntryId" TEXT,
ADD COLUMN     "marketStatus" "MarketStatus" NOT NULL DEFAULT 'on_market',
ADD COLUMN     "onMarketSince" DATE,
ADD COLUMN     "plannedLaunchOn" DATE,
ADD COLUMN     "productCategory" TEXT,
ADD COLUMN     "riskClassManual" "RiskClass",
ADD COLUMN     "riskClassOrigin" "RiskClassOrigin" NOT NULL DEFAULT 'none',
ADD COLUMN     "riskClassReason" TEXT,
ADD COLUMN     "riskClassSetAt" TIMESTAMP(3),
ADD COLUMN     "riskClassSetByEmail" TEXT,
ADD COLUMN     "riskListId" TEXT,
ADD COLUMN     "withdrawnOn" DATE;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeclarationSubmission" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "firmwareVersionId" TEXT,
    "route" "DeclarationRoute" NOT NULL,
    "filedOn" DATE NOT NULL,
    "authority" TEXT,
    "channel" TEXT,
    "receiptNumber" TEXT,
    "certificationBody" TEXT,
    "certificateNumber" TEXT,
    "status" "DeclarationStatus" NOT NULL DEFAULT 'submitted',
    "note" TEXT,
    "riskListId" TEXT,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeclarationSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskList" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "instrumentName" TEXT,
    "instrumentNumber" TEXT,
    "publicationDate" DATE,
    "effectiveDate" DATE,
    "sourceCitation" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "origin" "DataOrigin" NOT NULL,
    "fileName" TEXT,
    "importedById" TEXT,
    "importedByEmail" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "state" "EmailState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "userId" TEXT,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeclarationSubmission_organizationId_skuId_idx" ON "DeclarationSubmission"("organizationId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationSubmission_id_organizationId_key" ON "DeclarationSubmission"("id", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskList_key_revision_key" ON "RiskList"("key", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_state_nextAttemptAt_idx" ON "EmailMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_organizationId_createdAt_idx" ON "EmailMessage"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetRequest_tokenHash_key" ON "PasswordResetRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_email_createdAt_idx" ON "PasswordResetRequest"("email", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordResetRequest_ip_createdAt_idx" ON "PasswordResetRequest"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_organizationId_userId_key" ON "CalendarFeed"("organizationId", "userId");

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_riskListId_fkey" FOREIGN KEY ("riskListId") REFERENCES "RiskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationSubmission" ADD CONSTRAINT "DeclarationSubmission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationSubmission" ADD CONSTRAINT "DeclarationSubmission_skuId_organizationId_fkey" FOREIGN KEY ("skuId", "organizationId") REFERENCES "Sku"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationSubmission" ADD CONSTRAINT "DeclarationSubmission_firmwareVersionId_fkey" FOREIGN KEY ("firmwareVersionId") REFERENCES "FirmwareVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationSubmission" ADD CONSTRAINT "DeclarationSubmission_riskListId_fkey" FOREIGN KEY ("riskListId") REFERENCES "RiskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Risk lists are published reference data: a change is a new revision, never an edit.
CREATE TRIGGER "risk_list_immutable" BEFORE UPDATE OR DELETE ON "RiskList" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();

-- Classes set before risk lists were tracked came from the SKU form or an import: keep them as manual.
UPDATE "Sku" SET "riskClassOrigin" = 'manual', "riskClassManual" = "riskClass",
  "riskClassReason" = 'Set at registration or import, before the MPS risk list was tracked'
WHERE "riskClass" <> 'unclassified';
