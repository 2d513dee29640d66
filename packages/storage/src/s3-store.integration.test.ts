import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type PutObjectCommandInput } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3BlobStore } from "./s3-store";
import { StorageError } from "./storage-error";
import { describeBlobStoreContract } from "./testing/blob-store-contract";
import { chunked, uniquePdf } from "./testing/fixtures";
import { startS3rver, type RunningS3rver } from "./testing/start-s3rver";

async function listKeys(store: S3BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return keys.sort();
}

function storeFor(server: RunningS3rver): S3BlobStore {
  return new S3BlobStore({ endpoint: server.endpoint, region: "us-east-1", bucket: server.bucket, credentials: server.credentials, forcePathStyle: true });
}

let contractServer: RunningS3rver;
let contractStore: S3BlobStore;

describeBlobStoreContract("S3BlobStore", {
  async setup() {
    contractServer = await startS3rver();
    contractStore = storeFor(contractServer);
    const store = contractStore;
    return {
      store,
      tempEntries: () => listKeys(store, store.tempPrefix),
      storedKeys: () => listKeys(store, "sha256/"),
      async overwrite(key, bytes) {
        // Keep the metadata, as silent corruption would.
        const { Metadata } = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }));
        await store.client.send(new PutObjectCommand({ Bucket: store.bucket, Key: key, Body: bytes, Metadata }));
      },
    };
  },
  async teardown() {
    contractStore.destroy();
    await contractServer.stop();
  },
});

describe("S3BlobStore objects", () => {
  let server: RunningS3rver;
  let store: S3BlobStore;

  beforeAll(async () => {
    server = await startS3rver();
    store = storeFor(server);
  });
  afterAll(async () => {
    store.destroy();
    await server.stop();
  });

  it("stores sha256 and media type as object metadata", async () => {
    const stored = await store.put({ stream: chunked(uniquePdf(10_000)), fileName: "a.pdf", maxBytes: 100_000 });
    const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: stored.key }));
    expect(head.Metadata).toEqual({ sha256: stored.sha256, "media-type": "application/pdf" });
    expect(head.ContentType).toBe("application/pdf");
    expect(head.ContentLength).toBe(10_000);
  });

  it("copies to the final key only when no intact copy is there", async () => {
    const sent: string[] = [];
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? "");
        return next(args);
      },
      { step: "initialize", name: "recordCommands" },
    );
    try {
      const content = uniquePdf(20_000);
      await store.put({ stream: chunked(content), fileName: "a.pdf", maxBytes: 100_000 });
      expect(sent.filter((name) => name === "CopyObjectCommand")).toHaveLength(1);
      await store.put({ stream: chunked(content), fileName: "b.pdf", maxBytes: 100_000 });
      expect(sent.filter((name) => name === "CopyObjectCommand")).toHaveLength(1);
    } finally {
      store.client.middlewareStack.remove("recordCommands");
    }
  });

  it("refuses an upload the service stored with a different size, and stores nothing", async () => {
    const mangling = storeFor(server);
    // Stands in for a proxy or service that keeps chunk framing in the stored body.
    mangling.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "PutObjectCommand") {
          const input = args.input as PutObjectCommandInput;
          input.Body = Buffer.concat([input.Body as Buffer, Buffer.from("\r\n0\r\n\r\n")]);
        }
        return next(args);
      },
      { step: "initialize" },
    );
    try {
      const before = await listKeys(store, "sha256/");
      const error = await mangling.put({ stream: chunked(uniquePdf(10_000)), fileName: "a.pdf", maxBytes: 100_000 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ code: "INTEGRITY", details: { expected: 10_000, actual: 10_007 } });
      expect(await listKeys(store, "sha256/")).toEqual(before);
      expect(await listKeys(store, store.tempPrefix)).toEqual([]);
    } finally {
      mangling.destroy();
    }
  });
});
