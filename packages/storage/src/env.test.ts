import path from "node:path";
import { describe, expect, it } from "vitest";
import { createBlobStore } from "./create-blob-store";
import { readStorageEnv } from "./env";
import { LocalDiskBlobStore } from "./local-disk-store";
import { S3BlobStore } from "./s3-store";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

const s3Env = {
  STORAGE_DRIVER: "s3",
  S3_ENDPOINT: "http://127.0.0.1:9000",
  S3_REGION: "ap-southeast-1",
  S3_BUCKET: "evidence",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
};

describe("readStorageEnv", () => {
  it("defaults to local disk under the repository root, whatever the working directory", () => {
    expect(readStorageEnv({})).toEqual({ driver: "local", root: path.join(repoRoot, "storage-data") });
  });

  it("resolves a relative STORAGE_LOCAL_ROOT from the repository root and keeps an absolute one", () => {
    expect(readStorageEnv({ STORAGE_LOCAL_ROOT: "var/blobs" })).toEqual({ driver: "local", root: path.join(repoRoot, "var/blobs") });
    expect(readStorageEnv({ STORAGE_LOCAL_ROOT: "/srv/hopquy" })).toEqual({ driver: "local", root: "/srv/hopquy" });
  });

  it("treats empty values as unset", () => {
    expect(readStorageEnv({ STORAGE_DRIVER: "", STORAGE_LOCAL_ROOT: " " })).toEqual({ driver: "local", root: path.join(repoRoot, "storage-data") });
  });

  it("reads the S3 settings", () => {
    expect(readStorageEnv({ ...s3Env, S3_FORCE_PATH_STYLE: "true" })).toEqual({
      driver: "s3",
      s3: {
        endpoint: "http://127.0.0.1:9000",
        region: "ap-southeast-1",
        bucket: "evidence",
        credentials: { accessKeyId: "key", secretAccessKey: "secret" },
        forcePathStyle: true,
      },
    });
  });

  it.each([
    [undefined, false],
    ["false", false],
    ["0", false],
    ["1", true],
  ])("reads S3_FORCE_PATH_STYLE=%s as %s", (value, expected) => {
    const config = readStorageEnv({ ...s3Env, S3_FORCE_PATH_STYLE: value });
    expect(config.driver === "s3" && config.s3.forcePathStyle).toBe(expected);
  });

  it("names every missing S3 variable", () => {
    expect(() => readStorageEnv({ STORAGE_DRIVER: "s3" })).toThrow(
      "Invalid storage environment: S3_ENDPOINT: S3_ENDPOINT is required when STORAGE_DRIVER=s3; " +
        "S3_REGION: S3_REGION is required when STORAGE_DRIVER=s3; S3_BUCKET: S3_BUCKET is required when STORAGE_DRIVER=s3; " +
        "S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3; " +
        "S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3",
    );
    const { S3_BUCKET: _bucket, ...withoutBucket } = s3Env;
    expect(() => readStorageEnv(withoutBucket)).toThrow(/^Invalid storage environment: S3_BUCKET: S3_BUCKET is required when STORAGE_DRIVER=s3$/);
  });

  it.each([
    [{ STORAGE_DRIVER: "gcs" }, /STORAGE_DRIVER: STORAGE_DRIVER must be local or s3/],
    [{ ...s3Env, S3_ENDPOINT: "not a url" }, /S3_ENDPOINT: S3_ENDPOINT must be an http\(s\) URL/],
    [{ ...s3Env, S3_ENDPOINT: "ftp://files.example" }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ ...s3Env, S3_FORCE_PATH_STYLE: "yes" }, /S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true or false/],
  ])("rejects %j", (env, message) => {
    expect(() => readStorageEnv(env)).toThrow(message);
  });

  it("ignores S3 variables for the local driver", () => {
    expect(readStorageEnv({ S3_BUCKET: "evidence" }).driver).toBe("local");
  });
});

describe("createBlobStore", () => {
  it("returns the driver the environment selects", () => {
    const local = createBlobStore({ STORAGE_LOCAL_ROOT: "/tmp/hopquy-blobs" });
    expect(local).toBeInstanceOf(LocalDiskBlobStore);
    expect((local as LocalDiskBlobStore).root).toBe("/tmp/hopquy-blobs");
    const s3 = createBlobStore(s3Env);
    expect(s3).toBeInstanceOf(S3BlobStore);
    expect((s3 as S3BlobStore).bucket).toBe("evidence");
    (s3 as S3BlobStore).destroy();
  });
});
