import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";
import { serializeCsv } from "./serialize-csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and gives each record's start line", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"multi\r\nline\nfield",z\r\n3,,\r\n';
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", 'say "hi"'] },
      { line: 3, fields: ["2", "multi\r\nline\nfield", "z"] },
      { line: 6, fields: ["3", "", ""] },
    ]);
  });

  it("ignores a BOM, accepts LF and CR line endings and skips blank lines", () => {
    const { records } = parseCsv("\uFEFFh1,h2\n\nv1,v2\rv3,v4");
    expect(records).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 3, fields: ["v1", "v2"] },
      { line: 4, fields: ["v3", "v4"] },
    ]);
  });

  it("reports an unclosed quote at the line where it opened", () => {
    const { records, problems } = parseCsv('h\nok\n"never closed\nmore\n');
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toMatch(/unclosed/);
  });

  it("reports stray quotes and keeps reading the following records", () => {
    const { records, problems } = parseCsv('h1,h2\nab"c,d\n"x"y,z\ngood,row\n');
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(records.map((r) => r.fields)).toEqual([["h1", "h2"], ["good", "row"]]);
  });

  it("counts start lines from a given first line", () => {
    expect(parseCsv("a\nb", 10).records.map((r) => r.line)).toEqual([10, 11]);
  });
});

describe("serializeCsv", () => {
  it("quotes only where needed and reads back to the same fields", () => {
    const rows = [["plain", "with,comma", 'with "quote"', "line\nbreak", "", " padded "]];
    const text = serializeCsv(rows);
    expect(text).toBe('plain,"with,comma","with ""quote""","line\nbreak",," padded "\r\n');
    expect(parseCsv(text).records[0]?.fields).toEqual(rows[0]);
  });
});

describe("parseCsv with another delimiter", () => {
  it("splits on semicolons and keeps commas inside fields", () => {
    const { records, problems } = parseCsv('Mã model;Mô tả\nC1;"trong nhà, 2MP"\nC2;ngoài trời, 4MP\n', 1, ";");
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([["Mã model", "Mô tả"], ["C1", "trong nhà, 2MP"], ["C2", "ngoài trời, 4MP"]]);
  });
  it("splits on tabs", () => {
    expect(parseCsv("a\tb\n1\t2", 1, "\t").records.map((r) => r.fields)).toEqual([["a", "b"], ["1", "2"]]);
  });
});
