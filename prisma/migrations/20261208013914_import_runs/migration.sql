-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('sku');

-- CreateEnum
CREATE TYPE "ImportRunState" AS ENUM ('uploaded', 'queued', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "state" "ImportRunState" NOT NULL DEFAULT 'uploaded',
    "fileName" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "header" JSONB NOT NULL,
    "rowTotal" INTEGER NOT NULL DEFAULT 0,
    "rowDone" INTEGER NOT NULL DEFAULT 0,
    "columnMapping" JSONB,
    "options" JSONB,
    "report" JSONB,
    "error" TEXT,
    "requestedById" TEXT,
    "requestedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportColumnPreset" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportColumnPreset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_organizationId_createdAt_idx" ON "ImportRun"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportColumnPreset_organizationId_kind_key" ON "ImportColumnPreset"("organizationId", "kind");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportColumnPreset" ADD CONSTRAINT "ImportColumnPreset_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

