import type { CatalogChangeItem } from "@hopquy/core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../i18n/translate";
import { CatalogChangeCard } from "./catalog-change-card";

const item: CatalogChangeItem = {
  id: "evt-1",
  createdAt: new Date("2026-03-02T03:04:05Z"),
  stillNeedsReview: 3,
  record: {
    publication: {
      kind: "mapping-set",
      id: "ms-2",
      label: "qcvn-135-2024--qcvn-11",
      regulation: null,
      version: null,
      revision: 2,
      titleVi: "QCVN 135 → QCVN 11",
      titleEn: "QCVN 135 to QCVN 11",
      previous: { id: "ms-1", label: "qcvn-135-2024--qcvn-11", revision: 1 },
    },
    changes: { added: 0, removed: 1, changed: 1, needsReview: 2 },
    items: [
      { kind: "changed", key: "2.1.1 -> HQ11-G01-01", clauseId: null, reasons: [{ field: "relation", before: "equal", after: "intersect" }], why: "relation equal → intersect", needsReview: true },
      { kind: "removed", key: "2.1.2 -> HQ11-G01-02", clauseId: null, reasons: [], why: "mapping removed", needsReview: true },
    ],
    itemsOmitted: 0,
    affectedAssessments: 4,
    affectedSkus: 2,
  },
};

describe("CatalogChangeCard", () => {
  it("shows what changed and why, the marked assessments, and links to both revisions", () => {
    const html = renderToStaticMarkup(createElement(CatalogChangeCard, { item, organizationSlug: "acme", t: createTranslator("en"), locale: "en" }));
    expect(html).toContain("relation equal → intersect");
    expect(html).toContain("mapping withdrawn");
    expect(html).toContain("4 assessments of 2 SKUs marked as needing re-verification. 3 are still marked in the matrix.");
    expect(html).toContain('href="/acme/catalogs/mapping-sets/ms-2"');
    expect(html).toContain('href="/acme/catalogs/mapping-sets/ms-1"');
  });

  it("links clauses of a catalog change to their clause page", () => {
    const catalogItem: CatalogChangeItem = {
      ...item,
      record: {
        ...item.record,
        publication: { ...item.record.publication, kind: "catalog", id: "cv-2", regulation: "QCVN_11_2026_BCA", version: "2026-provisional-1" },
        items: [{ kind: "changed", key: "HQ11-G01-01", clauseId: "cl-9", reasons: [{ field: "title" }], why: "title changed", needsReview: true }],
      },
    };
    const html = renderToStaticMarkup(createElement(CatalogChangeCard, { item: catalogItem, organizationSlug: "acme", t: createTranslator("vi"), locale: "vi" }));
    expect(html).toContain('href="/acme/catalogs/clauses/cl-9"');
    expect(html).toContain('href="/acme/catalogs/cv-2"');
    expect(html).toContain("QCVN 11:2026/BCA 2026-provisional-1");
    expect(html).toContain("tiêu đề thay đổi");
  });
});
