import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
  type HeadObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { BlobStore, PutInput, StoredBlob } from "./blob-store";
import { contentKey, sha256OfKey } from "./content-key";
import { hashStream } from "./hash-stream";
import { openUpload } from "./open-upload";
import { StorageError } from "./storage-error";

export interface S3StoreConfig {
  /** Omit for AWS itself; set for any S3-compatible service. */
  endpoint?: string;
  region: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Where uploads wait until their sha256 is known; give it a lifecycle rule that expires old objects. */
  tempPrefix?: string;
  /** Multipart part size in bytes (S3 minimum 5 MiB). Memory per put is about partSize × (queueSize + 1). */
  partSize?: number;
  /** Parts uploaded in parallel. */
  queueSize?: number;
}

const MIB = 1024 * 1024;

/**
 * Blobs as objects in one bucket. Uploads stream to a temporary key (the sha256 is only known at the
 * end), are then copied to their content-addressed key with sha256 and media type as metadata, and the
 * temporary object is deleted.
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  readonly bucket: string;
  readonly tempPrefix: string;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(config: S3StoreConfig) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      credentials: config.credentials,
      forcePathStyle: config.forcePathStyle,
      // The SDK's default CRC trailers (aws-chunked bodies) are refused or stored verbatim by several
      // S3-compatible services; integrity is checked with our own sha256 instead.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.bucket = config.bucket;
    this.tempPrefix = config.tempPrefix ?? "tmp/";
    this.partSize = config.partSize ?? 5 * MIB;
    this.queueSize = config.queueSize ?? 2;
  }

  async put(input: PutInput): Promise<StoredBlob> {
    const upload = await openUpload(input);
    const tempKey = `${this.tempPrefix}${randomUUID()}`;
    let bodyError: unknown;
    const body = Readable.from(
      (async function* () {
        try {
          yield* upload.chunks;
        } catch (error) {
          bodyError = error;
          throw error;
        }
      })(),
    );
    try {
      try {
        await new Upload({
          client: this.client,
          params: { Bucket: this.bucket, Key: tempKey, Body: body, ContentType: upload.mediaType },
          partSize: this.partSize,
          queueSize: this.queueSize,
        }).done();
      } catch (error) {
        // lib-storage may report a failed multipart abort instead of the reason the body stopped.
        throw bodyError ?? error;
      }
      const { sha256, size } = upload.result();
      const uploaded = await this.head(tempKey);
      // A proxy or service that alters bodies (e.g. keeps chunk framing) shows up as a size change.
      if (uploaded?.ContentLength !== size) {
        throw new StorageError("INTEGRITY", `Uploaded object has ${uploaded?.ContentLength} bytes, expected ${size}`, {
          expected: size,
          actual: uploaded?.ContentLength,
        });
      }
      const key = contentKey(sha256);
      const existing = await this.head(key);
      // Same content is already there: skip the copy. Anything else under the key is a damaged copy to replace.
      if (existing?.Metadata?.sha256 !== sha256 || existing.ContentLength !== size) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: key,
            CopySource: `${this.bucket}/${tempKey.split("/").map(encodeURIComponent).join("/")}`,
            MetadataDirective: "REPLACE",
            ContentType: upload.mediaType,
            Metadata: { sha256, "media-type": upload.mediaType },
          }),
        );
      }
      return { sha256, size, mediaType: upload.mediaType, fileName: upload.fileName, key };
    } finally {
      body.destroy();
      await upload.close();
      // Best effort: a leftover temporary object is garbage for the lifecycle rule, never a reason to
      // fail a stored upload or to hide the error that ended a failed one.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tempKey })).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Readable> {
    this.assertKey(key);
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(Body instanceof Readable)) throw new Error(`Unexpected body type for ${key}`);
      return Body;
    } catch (error) {
      if (isNotFound(error)) throw notFound(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return sha256OfKey(key) !== undefined && (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    if (sha256OfKey(key) === undefined) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async verify(key: string, sha256: string): Promise<boolean> {
    return (await hashStream(await this.get(key))) === sha256.toLowerCase();
  }

  /** Closes the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }

  private async head(key: string): Promise<HeadObjectCommandOutput | undefined> {
    try {
      return await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private assertKey(key: string): void {
    if (sha256OfKey(key) === undefined) throw notFound(key);
  }
}

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound");
const notFound = (key: string) => new StorageError("NOT_FOUND", `No blob under ${key}`, { key });
