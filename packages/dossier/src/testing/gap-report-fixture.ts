// A small gap report for the renderer tests: Vietnamese text, a partial clause explained through a
// mapping, a gap without closers, a manual conflict, a SKU without gaps, and user text that looks
// like a spreadsheet formula.
import type { GapReportClause, GapReportContent } from "@hopquy/compliance";

const mappingSet = { key: "qcvn-135-2024--qcvn-11-2026-provisional-1", title: { vi: "QCVN 135:2024/BTTTT -> QCVN 11:2026/BCA (tạm thời)", en: "QCVN 135:2024/BTTTT -> QCVN 11:2026/BCA (provisional)" } };

const partial: GapReportClause = {
  clauseId: "c-g03-02",
  code: "HQ11-G03-02",
  title: { vi: "Công bố chính sách tiết lộ lỗ hổng", en: "Publish a vulnerability disclosure policy" },
  status: "partial",
  origin: "remapped",
  proposedStatus: "partial",
  support: [{ evidenceTitle: "=HYPERLINK(\"x\") Chứng nhận, QCVN 135", grade: "partial", linkedClause: "QCVN 135:2024/BTTTT 2.2.1", steps: [{ relation: "intersect", strength: 5, mappingSet, to: "QCVN 11:2026/BCA HQ11-G03-02" }] }],
  ignoredEvidence: [{ title: "Báo cáo cũ", verdict: "expired" }],
  retest: ["evidence_before_cutoff"],
  conflict: null,
  closers: {
    etsiProvisions: [{ code: "5.2-1", title: { vi: "Công bố chính sách công bố lỗ hổng", en: "Vulnerability disclosure policy" }, testCaseCodes: ["5.2-1-1", "5.2-1-2"] }],
    testCases: [
      { code: "5.2-1-1", title: { vi: "Đánh giá thiết kế", en: "Conceptual assessment" }, ixitFormCodes: ["2-UserInfo"] },
      { code: "5.2-1-2", title: { vi: "Đánh giá chức năng", en: "Functional assessment" }, ixitFormCodes: ["2-UserInfo"] },
    ],
    ixitForms: [{ code: "2-UserInfo", title: { vi: null, en: "User Information" } }],
    provisionsWithoutTestCase: [],
  },
};

const manualGap: GapReportClause = {
  clauseId: "c-g01-01",
  code: "HQ11-G01-01",
  title: { vi: "Mật khẩu duy nhất", en: "Unique passwords" },
  status: "gap",
  origin: "manual",
  proposedStatus: "covered",
  support: [{ evidenceTitle: "Chứng nhận QCVN 135", grade: "full", linkedClause: "QCVN 135:2024/BTTTT 2.1.1", steps: [{ relation: "equal", strength: 7, mappingSet, to: "QCVN 11:2026/BCA HQ11-G01-01" }] }],
  ignoredEvidence: [],
  retest: [],
  conflict: { manualStatus: "gap", proposedStatus: "covered" },
  closers: {
    etsiProvisions: [
      { code: "5.1-1", title: { vi: "Mật khẩu duy nhất cho từng thiết bị", en: "Unique passwords per device" }, testCaseCodes: ["5.1-1-1"] },
      { code: "5.1-9", title: { vi: null, en: "Hypothetical provision" }, testCaseCodes: [] },
    ],
    testCases: [{ code: "5.1-1-1", title: { vi: "Đánh giá thiết kế", en: "Conceptual assessment" }, ixitFormCodes: ["1-AuthMech"] }],
    ixitForms: [{ code: "1-AuthMech", title: { vi: null, en: "Authentication Mechanisms" } }],
    provisionsWithoutTestCase: ["5.1-9"],
  },
};

const logs: GapReportClause = {
  clauseId: "c-g02-06",
  code: "HQ11-G02-06",
  title: { vi: "Tạo lập nhật ký hệ thống", en: "Creation of system logs" },
  status: "gap",
  origin: "remapped",
  proposedStatus: "gap",
  support: [],
  ignoredEvidence: [],
  retest: ["new_in_target"],
  conflict: null,
  closers: { etsiProvisions: [], testCases: [], ixitForms: [], provisionsWithoutTestCase: [] },
};

export function gapReportFixture(overrides: Partial<GapReportContent> = {}): GapReportContent {
  return {
    organization: { name: "Công ty TNHH Camera Hợp Quy", slug: "camera-hop-quy" },
    generatedOn: "2026-11-23",
    scope: "organization",
    catalog: { version: "2026-provisional-1", revision: 1, provisional: true },
    totals: { skus: 2, skusWithGaps: 1, gap: 2, partial: 1, conflicts: 2, retest: 2 },
    skus: [
      {
        skuId: "sku-1",
        modelCode: "HC-100",
        hardwareRevision: "B",
        firmwareVersion: "2.4.1",
        counts: { gap: 2, partial: 1, conflicts: 1, retest: 2 },
        groups: [
          { code: "HQ11-G01", title: { vi: "Không sử dụng mật khẩu mặc định dùng chung", en: "No universal default passwords" }, clauses: [manualGap] },
          { code: "HQ11-G02", title: { vi: "Nhật ký", en: null }, clauses: [logs] },
          { code: "HQ11-G03", title: { vi: "Quản lý báo cáo lỗ hổng", en: "Vulnerability reports" }, clauses: [partial] },
        ],
        otherConflicts: [],
      },
      {
        skuId: "sku-2",
        modelCode: "-HC/200+",
        hardwareRevision: "",
        firmwareVersion: null,
        counts: { gap: 0, partial: 0, conflicts: 1, retest: 0 },
        groups: [],
        otherConflicts: [{ clauseId: "c-g05-01", code: "HQ11-G05-01", title: { vi: "Mật mã cho giao tiếp", en: "Cryptography for communication" }, manualStatus: "covered", proposedStatus: "gap" }],
      },
    ],
    ...overrides,
  };
}
