import { describe, expect, it } from "vitest";
import { readDbEnv } from "./env";

describe("readDbEnv", () => {
  it("defaults to the local development database", () => {
    expect(readDbEnv({})).toEqual({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hopquy" });
  });

  it.each(["postgresql://u:p@db:5432/app", "postgres://db/app"])("accepts %s", (url) => {
    expect(readDbEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["mysql://db/app", "not a url", ""])("rejects %j", (url) => {
    expect(() => readDbEnv({ DATABASE_URL: url })).toThrow(/Invalid database environment: DATABASE_URL/);
  });
});
