import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

/** Lowercase hex sha256 of everything the stream yields. */
export async function hashStream(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Uint8Array);
  return hash.digest("hex");
}
