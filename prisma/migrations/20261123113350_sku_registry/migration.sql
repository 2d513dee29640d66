-- CreateTable
CREATE TABLE "ProductFamily" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductFamily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sku" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "familyId" TEXT,
    "modelCode" TEXT NOT NULL,
    "hardwareRevision" TEXT NOT NULL DEFAULT '',
    "brand" TEXT NOT NULL,
    "manufacturer" TEXT NOT NULL,
    "importer" TEXT,
    "countryOfOrigin" TEXT NOT NULL,
    "hsCode" TEXT,
    "description" TEXT,
    "capabilities" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirmwareVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "releaseDate" DATE,
    "signedUpdates" BOOLEAN NOT NULL DEFAULT false,
    "supportEndsAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FirmwareVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductFamily_organizationId_name_key" ON "ProductFamily"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ProductFamily_id_organizationId_key" ON "ProductFamily"("id", "organizationId");

-- CreateIndex
CREATE INDEX "Sku_organizationId_createdAt_id_idx" ON "Sku"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Sku_organizationId_familyId_idx" ON "Sku"("organizationId", "familyId");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_organizationId_modelCode_hardwareRevision_key" ON "Sku"("organizationId", "modelCode", "hardwareRevision");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_id_organizationId_key" ON "Sku"("id", "organizationId");

-- CreateIndex
CREATE INDEX "FirmwareVersion_organizationId_skuId_idx" ON "FirmwareVersion"("organizationId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "FirmwareVersion_skuId_version_key" ON "FirmwareVersion"("skuId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FirmwareVersion_id_organizationId_key" ON "FirmwareVersion"("id", "organizationId");

-- AddForeignKey
ALTER TABLE "ProductFamily" ADD CONSTRAINT "ProductFamily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "ProductFamily"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmwareVersion" ADD CONSTRAINT "FirmwareVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmwareVersion" ADD CONSTRAINT "FirmwareVersion_skuId_organizationId_fkey" FOREIGN KEY ("skuId", "organizationId") REFERENCES "Sku"("id", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE;

