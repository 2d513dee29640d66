import { describe, expect, it } from "vitest";
import { renderDigestMail } from "./render-digest-mail";
import { renderInvitationMail } from "./render-invitation-mail";
import { renderNotificationMail } from "./render-notification-mail";
import { renderPasswordResetMail } from "./render-password-reset-mail";
import { NOTIFICATION_TEMPLATES } from "./notification-templates";

const links = { appUrl: "https://hopquy.example.vn/" };
const org = { name: "Công ty <Camera> & Co", slug: "cong-ty-camera" };
const hostile = `<script>alert("x")</script>`;

describe("notification e-mails", () => {
  it("renders an expiring reminder in Vietnamese (default wording) and English with a link to the evidence", () => {
    const notification = { kind: "evidence.expiring", payload: { evidenceId: "evd_1", title: "Báo cáo thử nghiệm", expiryDate: "2034-02-10", daysLeft: 7, threshold: 7 } };
    const vi = renderNotificationMail({ locale: "vi", organization: org, notification }, links);
    expect(vi.subject).toBe("[Công ty <Camera> & Co] Bằng chứng sắp hết hạn: Báo cáo thử nghiệm");
    expect(vi.text).toContain("“Báo cáo thử nghiệm” hết hạn sau 7 ngày (10/02/2034).");
    expect(vi.text).toContain("https://hopquy.example.vn/cong-ty-camera/evidence/evd_1");
    expect(vi.text).toContain("Công ty <Camera> & Co");
    expect(vi.html).toContain('href="https://hopquy.example.vn/cong-ty-camera/evidence/evd_1"');
    expect(vi.html).toContain("Công ty &lt;Camera&gt; &amp; Co");
    expect(vi.html).toContain('lang="vi"');

    const en = renderNotificationMail({ locale: "en", organization: org, notification }, links);
    expect(en.subject).toBe("[Công ty <Camera> & Co] Evidence expiring: Báo cáo thử nghiệm");
    expect(en.text).toContain("expires in 7 days (10 February 2034)");
    expect(en.html).toContain('lang="en"');
  });

  it("escapes data in the HTML part and keeps the subject on one line", () => {
    const notification = { kind: "evidence.expired", payload: { evidenceId: "e\"1", title: `${hostile}\r\nBcc: victim@example.test`, expiryDate: "2034-02-02" } };
    const mail = renderNotificationMail({ locale: "en", organization: org, notification }, links);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("/evidence/e%221");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain("Bcc: victim@example.test");
  });

  it("has an entry for every kind core creates today, and a generic fallback for kinds added later or malformed payloads", () => {
    expect(Object.keys(NOTIFICATION_TEMPLATES).sort()).toEqual(["catalog.changed", "deadline.due", "deadline.overdue", "evidence.expired", "evidence.expiring", "risk-list.published"]);
    const due = renderNotificationMail(
      { locale: "vi", organization: org, notification: { kind: "deadline.due", payload: { skuId: "sku_1", modelCode: "CAM-1", obligationKey: "k", obligationKind: "declaration", dueDate: "2034-03-01", daysLeft: 7, threshold: 7 } } },
      links,
    );
    expect(due.text).toContain("Công bố hợp quy cho CAM-1 đến hạn sau 7 ngày (01/03/2034).");
    expect(due.text).toContain("https://hopquy.example.vn/cong-ty-camera/skus/sku_1");
    const changed = renderNotificationMail(
      { locale: "vi", organization: org, notification: { kind: "catalog.changed", payload: { label: "QCVN 11:2026/BCA", revision: 2, affectedAssessments: 5, affectedSkus: 2, publicationKind: "catalog", publicationId: "cv" } } },
      links,
    );
    expect(changed.text).toContain("5 đánh giá của 2 SKU cần xem xét lại");
    expect(changed.text).toContain("https://hopquy.example.vn/cong-ty-camera/catalog-changes");

    const later = renderNotificationMail({ locale: "en", organization: org, notification: { kind: "submission.returned", payload: { title: "Declare SKU X" } } }, links);
    expect(later.subject).toBe("[Công ty <Camera> & Co] New notification: Declare SKU X");
    expect(later.text).toContain("https://hopquy.example.vn/cong-ty-camera/notifications");
    const malformed = renderNotificationMail({ locale: "vi", organization: org, notification: { kind: "evidence.expired", payload: { nope: true } } }, links);
    expect(malformed.subject).toBe("[Công ty <Camera> & Co] Thông báo mới");
    // Own keys only: a kind named like an Object.prototype member is just unknown.
    expect(renderNotificationMail({ locale: "en", organization: org, notification: { kind: "constructor", payload: null } }, links).subject).toContain("New notification");
  });
});

describe("digest e-mail", () => {
  it("lists every notification grouped by organization, in the recipient's language", () => {
    const input = {
      day: "2034-02-03",
      organizations: [
        { organization: org, notifications: [
          { kind: "evidence.expired", payload: { evidenceId: "a", title: "A <b>", expiryDate: "2034-02-02" } },
          { kind: "risk-list.published", payload: {} },
        ] },
        { organization: { name: "Second", slug: "second" }, notifications: [{ kind: "evidence.expiring", payload: { evidenceId: "b", title: "B", expiryDate: "2034-02-04", daysLeft: 1 } }] },
      ],
    };
    const vi = renderDigestMail({ ...input, locale: "vi" }, links);
    expect(vi.subject).toBe("HopQuy: 3 thông báo mới (03/02/2034)");
    expect(vi.text).toContain("Bạn có 3 thông báo chưa đọc");
    expect(vi.text).toContain("Second (1):");
    expect(vi.text).toContain("https://hopquy.example.vn/second/evidence/b");
    expect(vi.html).toContain("A &lt;b&gt;");
    const en = renderDigestMail({ ...input, locale: "en" }, links);
    expect(en.subject).toBe("HopQuy: 3 new notifications (03 February 2034)");
    expect(en.text).toContain("“B” expires tomorrow");
    expect(en.text).toContain("There is a new notification in HopQuy.");
  });
});

describe("invitation e-mail", () => {
  it("names the organization, the inviter, the role and the accept link", () => {
    const input = { organizationName: "Org & <Co>", inviterName: "Nguyễn Văn A", inviterEmail: "a@example.vn", role: "manager" as const, acceptPath: "/invite/tok_123", expiresOn: "2034-02-10" };
    const vi = renderInvitationMail({ ...input, locale: "vi" }, links);
    expect(vi.subject).toBe("Lời mời tham gia Org & <Co> trên HopQuy");
    expect(vi.text).toContain("Nguyễn Văn A (a@example.vn) mời bạn tham gia tổ chức Org & <Co> trên HopQuy với vai trò Quản lý.");
    expect(vi.text).toContain("https://hopquy.example.vn/invite/tok_123");
    expect(vi.html).toContain("Org &amp; &lt;Co&gt;");
    const en = renderInvitationMail({ ...input, locale: "en" }, links);
    expect(en.text).toContain("as Manager");
    expect(en.text).toContain("valid until 10 February 2034");
  });
});

describe("password reset e-mail", () => {
  it("carries the link, the 30-minute expiry and the 'ignore if you did not ask' note", () => {
    const vi = renderPasswordResetMail({ locale: "vi", resetPath: "/reset-password?token=abc&x=1", expiresInMinutes: 30 }, links);
    expect(vi.subject).toBe("Đặt lại mật khẩu HopQuy");
    expect(vi.text).toContain("hết hạn sau 30 phút");
    expect(vi.text).toContain("Nếu bạn không yêu cầu, hãy bỏ qua email này");
    expect(vi.text).toContain("https://hopquy.example.vn/reset-password?token=abc&x=1");
    expect(vi.html).toContain('href="https://hopquy.example.vn/reset-password?token=abc&amp;x=1"');
    const en = renderPasswordResetMail({ locale: "en", resetPath: "/reset-password?token=abc", expiresInMinutes: 30 }, links);
    expect(en.text).toContain("expires in 30 minutes");
    expect(en.text).toContain("If you did not ask for this, ignore this e-mail");
  });
});
