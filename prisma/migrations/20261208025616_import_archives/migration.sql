-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "archiveKey" TEXT,
ADD COLUMN     "archiveName" TEXT,
ADD COLUMN     "archiveSha256" TEXT,
ADD COLUMN     "archiveSize" INTEGER;

