-- CreateEnum
CREATE TYPE "DataOrigin" AS ENUM ('shipped', 'imported');

-- CreateEnum
CREATE TYPE "MappingRelation" AS ENUM ('equal', 'subset', 'superset', 'intersect', 'not_related');

-- CreateTable
CREATE TABLE "CatalogVersion" (
    "id" TEXT NOT NULL,
    "regulation" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "codeScheme" TEXT NOT NULL,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "document" JSONB NOT NULL,
    "origin" "DataOrigin" NOT NULL,
    "fileName" TEXT,
    "importedById" TEXT,
    "importedByEmail" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequirementGroup" (
    "id" TEXT NOT NULL,
    "catalogVersionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "provisional" BOOLEAN NOT NULL,

    CONSTRAINT "RequirementGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clause" (
    "id" TEXT NOT NULL,
    "catalogVersionId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "summaryVi" TEXT,
    "summaryEn" TEXT,
    "status" TEXT,
    "mandatory" BOOLEAN,
    "conditions" INTEGER[],
    "provisional" BOOLEAN NOT NULL,
    "confidence" TEXT,
    "source" TEXT NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "Clause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MappingSet" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceCatalogVersionId" TEXT NOT NULL,
    "targetCatalogVersionId" TEXT NOT NULL,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "provisional" BOOLEAN NOT NULL,
    "document" JSONB NOT NULL,
    "origin" "DataOrigin" NOT NULL,
    "fileName" TEXT,
    "importedById" TEXT,
    "importedByEmail" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MappingSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClauseMapping" (
    "id" TEXT NOT NULL,
    "mappingSetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sourceClauseId" TEXT NOT NULL,
    "targetClauseId" TEXT,
    "relation" "MappingRelation" NOT NULL,
    "strength" INTEGER NOT NULL,
    "inferred" BOOLEAN NOT NULL,
    "certainty" TEXT,
    "basis" TEXT NOT NULL,
    "rationale" TEXT,

    CONSTRAINT "ClauseMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegulatoryTimeline" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "origin" "DataOrigin" NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegulatoryTimeline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegulatoryEvent" (
    "id" TEXT NOT NULL,
    "timelineId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "date" DATE,
    "kind" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "regulation" TEXT,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "status" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "RegulatoryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogVersion_regulation_contentHash_idx" ON "CatalogVersion"("regulation", "contentHash");

-- CreateIndex
CREATE INDEX "CatalogVersion_regulation_publishedAt_idx" ON "CatalogVersion"("regulation", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogVersion_regulation_version_revision_key" ON "CatalogVersion"("regulation", "version", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "RequirementGroup_catalogVersionId_code_key" ON "RequirementGroup"("catalogVersionId", "code");

-- CreateIndex
CREATE INDEX "Clause_groupId_idx" ON "Clause"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Clause_catalogVersionId_code_key" ON "Clause"("catalogVersionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "MappingSet_key_revision_key" ON "MappingSet"("key", "revision");

-- CreateIndex
CREATE INDEX "ClauseMapping_mappingSetId_idx" ON "ClauseMapping"("mappingSetId");

-- CreateIndex
CREATE INDEX "ClauseMapping_sourceClauseId_idx" ON "ClauseMapping"("sourceClauseId");

-- CreateIndex
CREATE INDEX "ClauseMapping_targetClauseId_idx" ON "ClauseMapping"("targetClauseId");

-- CreateIndex
CREATE UNIQUE INDEX "RegulatoryTimeline_key_revision_key" ON "RegulatoryTimeline"("key", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "RegulatoryEvent_timelineId_eventKey_key" ON "RegulatoryEvent"("timelineId", "eventKey");

-- AddForeignKey
ALTER TABLE "RequirementGroup" ADD CONSTRAINT "RequirementGroup_catalogVersionId_fkey" FOREIGN KEY ("catalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_catalogVersionId_fkey" FOREIGN KEY ("catalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RequirementGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MappingSet" ADD CONSTRAINT "MappingSet_sourceCatalogVersionId_fkey" FOREIGN KEY ("sourceCatalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MappingSet" ADD CONSTRAINT "MappingSet_targetCatalogVersionId_fkey" FOREIGN KEY ("targetCatalogVersionId") REFERENCES "CatalogVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseMapping" ADD CONSTRAINT "ClauseMapping_mappingSetId_fkey" FOREIGN KEY ("mappingSetId") REFERENCES "MappingSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseMapping" ADD CONSTRAINT "ClauseMapping_sourceClauseId_fkey" FOREIGN KEY ("sourceClauseId") REFERENCES "Clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseMapping" ADD CONSTRAINT "ClauseMapping_targetClauseId_fkey" FOREIGN KEY ("targetClauseId") REFERENCES "Clause"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegulatoryEvent" ADD CONSTRAINT "RegulatoryEvent_timelineId_fkey" FOREIGN KEY ("timelineId") REFERENCES "RegulatoryTimeline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Published reference data is immutable: a changed file becomes a new revision, never an edit.
CREATE FUNCTION "reference_data_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable once published', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "catalog_version_immutable" BEFORE UPDATE OR DELETE ON "CatalogVersion" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "requirement_group_immutable" BEFORE UPDATE OR DELETE ON "RequirementGroup" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "clause_immutable" BEFORE UPDATE OR DELETE ON "Clause" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "mapping_set_immutable" BEFORE UPDATE OR DELETE ON "MappingSet" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "clause_mapping_immutable" BEFORE UPDATE OR DELETE ON "ClauseMapping" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "regulatory_timeline_immutable" BEFORE UPDATE OR DELETE ON "RegulatoryTimeline" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
CREATE TRIGGER "regulatory_event_immutable" BEFORE UPDATE OR DELETE ON "RegulatoryEvent" FOR EACH ROW EXECUTE FUNCTION "reference_data_immutable"();
