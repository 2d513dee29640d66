const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** `sha256/ab/cd/<hex>`: two fan-out levels keep directories (and S3 listings) small. */
export function contentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new TypeError(`Not a lowercase hex sha256: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The sha256 a well-formed key names, or undefined; keys come from callers, so they are never used unchecked. */
export function sha256OfKey(key: string): string | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const [, first, second, hex] = match;
  return hex !== undefined && hex.startsWith(`${first}${second}`) ? hex : undefined;
}
