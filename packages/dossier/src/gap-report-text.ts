// The words of the gap report in both languages, and the sentences the CSV and PDF share, so the
// two formats always say the same thing.
import type { GapReportClause, GapReportContent, GapReportSku, LocalizedText } from "@hopquy/compliance";

export type DossierLocale = "vi" | "en";

const LABELS = {
  vi: {
    title: "BÁO CÁO KHOẢNG TRỐNG QCVN 11",
    organization: "Tổ chức",
    scope: "Phạm vi",
    scopeSku: "SKU {model}",
    scopeOrganization: "Mọi SKU đang hoạt động ({count})",
    generatedOn: "Ngày lập",
    catalog: "Danh mục",
    revision: "bản sửa đổi {revision}",
    provisionalNote: "Danh mục QCVN 11 tạm thời: mã điều khoản do HopQuy đặt, sẽ thay bằng bản chính thức khi được nhập. Kết quả chỉ mang tính tham khảo cho tới khi có văn bản chính thức.",
    summary: "{skus} SKU, {skusWithGaps} SKU có khoảng trống · {gap} điều khoản chưa đạt · {partial} đạt một phần · {conflicts} xung đột · {retest} cần thử lại",
    intro: "Các điều khoản QCVN 11 chưa đạt hoặc chỉ đạt một phần, theo nhóm yêu cầu: lý do (bằng chứng nào hỗ trợ một phần, qua bảng ánh xạ nào) và những gì giúp đóng khoảng trống (điều khoản ETSI EN 303 645 được ánh xạ, phép thử TS 103 701 và biểu mẫu IXIT tương ứng). Quyết định thủ công được tính.",
    sku: "SKU",
    hardwareRevision: "phiên bản phần cứng {revision}",
    firmware: "firmware {version}",
    noFirmware: "chưa có firmware",
    skuCounts: "{gap} chưa đạt · {partial} đạt một phần · {conflicts} xung đột · {retest} cần thử lại",
    noGaps: "Không có điều khoản nào chưa đạt hoặc đạt một phần.",
    status: "Trạng thái",
    why: "Lý do",
    toClose: "Để đóng khoảng trống",
    provisions: "ETSI EN 303 645",
    testCases: "Phép thử TS 103 701",
    ixitForms: "Biểu mẫu IXIT",
    noProvision: "Dữ liệu danh mục chưa ghi nhận điều khoản ETSI EN 303 645 nào ánh xạ tới điều khoản này.",
    noTestCase: "Chưa ghi nhận phép thử TS 103 701 nào cho: {codes}",
    otherConflicts: "Quyết định thủ công cần xem lại",
    page: "Trang {page}/{pages}",
    statuses: { not_started: "Chưa bắt đầu", in_progress: "Đang thực hiện", covered: "Đạt", partial: "Đạt một phần", gap: "Chưa đạt", not_applicable: "Không áp dụng" },
    origins: { manual: "quyết định thủ công", derived: "từ bằng chứng", remapped: "theo ánh xạ" },
    grades: { full: "Đáp ứng đầy đủ", partial: "Đáp ứng một phần" },
    relations: { equal: "tương đương", subset: "hẹp hơn", superset: "rộng hơn", intersect: "giao nhau", not_related: "không liên quan" },
    verdicts: { counts: "được tính", pending_review: "chưa được duyệt", rejected: "bị từ chối", expired: "đã hết hạn", other_firmware: "thuộc firmware khác" },
    support: "{grade} nhờ «{title}» (gắn với {linked})",
    step: "{relation} [{set}, độ mạnh {strength}] › {to}",
    ignored: "Không tính «{title}»: {verdict}",
    noSupport: "Không có bằng chứng nào dẫn tới điều khoản này.",
    manual: "Quyết định thủ công của người rà soát.",
    conflict: "Xung đột: quyết định thủ công là «{manual}», ánh xạ đề xuất «{proposed}».",
    retest: { new_in_target: "Thử lại: yêu cầu mới trong QCVN 11", evidence_before_cutoff: "Thử lại: bằng chứng cũ hơn ngày mốc" },
    csv: {
      modelCode: "Mã model",
      hardwareRevision: "Phiên bản phần cứng",
      firmware: "Firmware",
      group: "Nhóm yêu cầu",
      groupTitle: "Tên nhóm",
      clause: "Điều khoản QCVN 11",
      clauseTitle: "Tên điều khoản",
      status: "Trạng thái",
      origin: "Nguồn kết quả",
      why: "Lý do",
      conflict: "Xung đột",
      retest: "Cần thử lại",
      provisions: "Điều khoản ETSI EN 303 645",
      testCases: "Phép thử TS 103 701",
      ixitForms: "Biểu mẫu IXIT",
      notes: "Ghi chú",
    },
  },
  en: {
    title: "QCVN 11 gap report",
    organization: "Organization",
    scope: "Scope",
    scopeSku: "SKU {model}",
    scopeOrganization: "All active SKUs ({count})",
    generatedOn: "Generated on",
    catalog: "Catalog",
    revision: "revision {revision}",
    provisionalNote: "Provisional QCVN 11 catalog: clause codes are HopQuy's and are replaced by the official ones when imported. Results are indicative until the official text is available.",
    summary: "{skus} SKUs, {skusWithGaps} with gaps · {gap} gap clauses · {partial} partial · {conflicts} conflicts · {retest} to re-test",
    intro: "QCVN 11 clauses with a gap or only partial support, by requirement group: why (which evidence partially supports them, through which mapping) and what would close them (the mapped ETSI EN 303 645 provisions, their TS 103 701 test cases and IXIT forms). Manual decisions count.",
    sku: "SKU",
    hardwareRevision: "hardware revision {revision}",
    firmware: "firmware {version}",
    noFirmware: "no firmware registered",
    skuCounts: "{gap} gap · {partial} partial · {conflicts} conflicts · {retest} to re-test",
    noGaps: "No clause with a gap or partial support.",
    status: "Status",
    why: "Why",
    toClose: "To close",
    provisions: "ETSI EN 303 645",
    testCases: "TS 103 701 test cases",
    ixitForms: "IXIT forms",
    noProvision: "The catalog data maps no ETSI EN 303 645 provision to this clause.",
    noTestCase: "No TS 103 701 test case recorded for: {codes}",
    otherConflicts: "Manual decisions to review",
    page: "Page {page}/{pages}",
    statuses: { not_started: "Not started", in_progress: "In progress", covered: "Covered", partial: "Partial", gap: "Gap", not_applicable: "Not applicable" },
    origins: { manual: "manual decision", derived: "from evidence", remapped: "from mappings" },
    grades: { full: "Full support", partial: "Partial support" },
    relations: { equal: "equal", subset: "subset", superset: "superset", intersect: "intersect", not_related: "not related" },
    verdicts: { counts: "counts", pending_review: "not reviewed yet", rejected: "rejected", expired: "expired", other_firmware: "for another firmware" },
    support: "{grade} from «{title}» (linked to {linked})",
    step: "{relation} [{set}, strength {strength}] › {to}",
    ignored: "Not counted «{title}»: {verdict}",
    noSupport: "No evidence leads to this clause.",
    manual: "Decided manually by a reviewer.",
    conflict: "Conflict: the manual decision is «{manual}», the mappings propose «{proposed}».",
    retest: { new_in_target: "Re-test: new requirement in QCVN 11", evidence_before_cutoff: "Re-test: evidence older than the cutoff date" },
    csv: {
      modelCode: "Model code",
      hardwareRevision: "Hardware revision",
      firmware: "Firmware",
      group: "Requirement group",
      groupTitle: "Group title",
      clause: "QCVN 11 clause",
      clauseTitle: "Clause title",
      status: "Status",
      origin: "Result origin",
      why: "Why",
      conflict: "Conflict",
      retest: "Re-test",
      provisions: "ETSI EN 303 645 provisions",
      testCases: "TS 103 701 test cases",
      ixitForms: "IXIT forms",
      notes: "Notes",
    },
  },
} as const;

export type GapReportLabels = (typeof LABELS)[DossierLocale];

export function labelsOf(locale: DossierLocale): GapReportLabels {
  return LABELS[locale];
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

// Reference data carries vi and/or en text: the reader's language first, then the other one.
export function pick(text: LocalizedText, locale: DossierLocale): string {
  return (locale === "vi" ? text.vi || text.en : text.en || text.vi) ?? "";
}

export function formatDate(iso: string, locale: DossierLocale): string {
  const [year, month, day] = iso.split("-");
  return locale === "vi" ? `${day}/${month}/${year}` : iso;
}

const withTitle = (code: string, title: string) => (title ? `${code} — ${title}` : code);

export function skuHeading(sku: GapReportSku, locale: DossierLocale): string {
  const l = LABELS[locale];
  const parts = [`${l.sku} ${sku.modelCode}`];
  if (sku.hardwareRevision) parts.push(fill(l.hardwareRevision, { revision: sku.hardwareRevision }));
  parts.push(sku.firmwareVersion ? fill(l.firmware, { version: sku.firmwareVersion }) : l.noFirmware);
  return parts.join(" · ");
}

export interface ClauseText {
  status: string;
  origin: string;
  why: string[];
  conflict: string | null;
  retest: string[];
  provisions: string[];
  testCases: string[];
  ixitForms: string[];
  // What the data does not record ("no provision mapped", "no test case for 5.x").
  notes: string[];
}

/** One clause of the report as sentences in the reader's language. */
export function describeClause(clause: GapReportClause, locale: DossierLocale): ClauseText {
  const l = LABELS[locale];
  const why: string[] = [];
  if (clause.origin === "manual") why.push(l.manual);
  for (const s of clause.support) {
    const start = fill(l.support, { grade: l.grades[s.grade], title: s.evidenceTitle, linked: s.linkedClause });
    const steps = s.steps.map((step) => fill(l.step, { relation: l.relations[step.relation], set: pick(step.mappingSet.title, locale) || step.mappingSet.key, strength: step.strength, to: step.to }));
    why.push([start, ...steps].join(" › "));
  }
  for (const e of clause.ignoredEvidence) why.push(fill(l.ignored, { title: e.title, verdict: l.verdicts[e.verdict] }));
  if (clause.support.length === 0 && clause.origin !== "manual") why.push(l.noSupport);
  const notes: string[] = [];
  if (clause.closers.etsiProvisions.length === 0) notes.push(l.noProvision);
  if (clause.closers.provisionsWithoutTestCase.length > 0) notes.push(fill(l.noTestCase, { codes: clause.closers.provisionsWithoutTestCase.join(", ") }));
  return {
    status: l.statuses[clause.status],
    origin: l.origins[clause.origin],
    why,
    conflict: clause.conflict ? conflictText(clause.conflict, locale) : null,
    retest: clause.retest.map((flag) => l.retest[flag]),
    provisions: clause.closers.etsiProvisions.map((p) => withTitle(p.code, pick(p.title, locale))),
    testCases: clause.closers.testCases.map((t) => `${withTitle(t.code, pick(t.title, locale))}${t.ixitFormCodes.length ? ` (IXIT: ${t.ixitFormCodes.join(", ")})` : ""}`),
    ixitForms: clause.closers.ixitForms.map((f) => withTitle(f.code, pick(f.title, locale))),
    notes,
  };
}

export function conflictText(conflict: { manualStatus: keyof GapReportLabels["statuses"]; proposedStatus: keyof GapReportLabels["statuses"] }, locale: DossierLocale): string {
  const l = LABELS[locale];
  return fill(l.conflict, { manual: l.statuses[conflict.manualStatus], proposed: l.statuses[conflict.proposedStatus] });
}

export function summaryText(content: GapReportContent, locale: DossierLocale): string {
  return fill(LABELS[locale].summary, { ...content.totals });
}

/** hopquy-gap-report-<org slug>-<model or "all-skus">-<date>.<ext>, safe in any file system. */
export function gapReportFileName(content: GapReportContent, extension: "csv" | "pdf"): string {
  const sku = content.scope === "sku" ? content.skus[0] : undefined;
  const subject = sku ? [sku.modelCode, sku.hardwareRevision].filter(Boolean).join("-") : "all-skus";
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|-+$/g, "") || "sku";
  return `hopquy-gap-report-${safe(content.organization.slug)}-${safe(subject)}-${content.generatedOn}.${extension}`;
}
