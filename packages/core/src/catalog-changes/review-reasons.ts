// Assessment.needsReviewReason written by the catalog change impact: which publication asked for the
// review, so the matrix and the catalog-changes page can name it.
export const catalogReviewReason = (catalogVersionId: string) => `catalog:${catalogVersionId}`;
export const mappingReviewReason = (mappingSetId: string) => `mapping:${mappingSetId}`;

export function isCatalogReviewReason(reason: string | null | undefined): reason is string {
  return typeof reason === "string" && reason.startsWith("catalog:");
}
