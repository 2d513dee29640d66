-- CreateEnum
CREATE TYPE "RemapRunMode" AS ENUM ('preview', 'apply');

-- CreateEnum
CREATE TYPE "BackgroundRunState" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "RemapRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "mode" "RemapRunMode" NOT NULL,
    "state" "BackgroundRunState" NOT NULL DEFAULT 'queued',
    "skuTotal" INTEGER NOT NULL DEFAULT 0,
    "skuDone" INTEGER NOT NULL DEFAULT 0,
    "retestBefore" DATE,
    "summary" JSONB,
    "error" TEXT,
    "requestedById" TEXT,
    "requestedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RemapRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemapRun_organizationId_createdAt_idx" ON "RemapRun"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "RemapRun" ADD CONSTRAINT "RemapRun_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

