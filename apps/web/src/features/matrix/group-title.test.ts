import { describe, expect, it } from "vitest";
import { shortGroupTitle } from "./group-title";

describe("shortGroupTitle", () => {
  it("keeps short titles as they are", () => {
    expect(shortGroupTitle("Quản lý cập nhật")).toBe("Quản lý cập nhật");
    expect(shortGroupTitle("Bảo vệ dữ liệu trên thiết bị camera")).toBe("Bảo vệ dữ liệu trên thiết bị camera");
    expect(shortGroupTitle("Input validation")).toBe("Input validation");
  });

  it("drops the explanation after a parenthesis or a comma", () => {
    expect(shortGroupTitle("Quản lý lỗ hổng bảo mật (bắt buộc có chính sách công bố lỗ hổng)")).toBe("Quản lý lỗ hổng bảo mật");
    expect(shortGroupTitle("Data security and storage, including configurable storage of data in Vietnam")).toBe("Data security and storage");
  });

  it("cuts long titles at a word boundary with an ellipsis", () => {
    const short = shortGroupTitle("Phòng chống tấn công thông qua các giao diện của thiết bị (vô hiệu hóa giao diện)");
    expect(short).toBe("Phòng chống tấn công thông qua các…");
    expect(short.length).toBeLessThanOrEqual(37);
    expect(shortGroupTitle("Protection against attacks via device interfaces (disable unneeded interfaces)")).toBe("Protection against attacks via…");
  });

  it("cuts a single long word hard", () => {
    expect(shortGroupTitle("x".repeat(50), 10)).toBe(`${"x".repeat(10)}…`);
  });
});
