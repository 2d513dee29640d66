export interface MatrixFilters {
  familyId?: string;
  riskClass?: string;
  status?: string;
  search?: string;
}

// Pagination links keep the filters; without a cursor the link goes back to the first page.
export function matrixHref(base: string, filters: MatrixFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.familyId) params.set("family", filters.familyId);
  if (filters.riskClass) params.set("risk", filters.riskClass);
  if (filters.status) params.set("status", filters.status);
  if (filters.search) params.set("q", filters.search);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
