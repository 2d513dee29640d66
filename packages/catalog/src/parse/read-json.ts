import type { DataPath, ParseError, ReadResult } from "./parse-result";
import { formatPath } from "./parse-result";

/**
 * Parses JSON with a small recursive-descent reader that records where every key and value
 * starts; JSON.parse gives neither positions nor duplicate-key errors.
 */
export function readJson(text: string): ReadResult {
  const reader = new JsonReader(text);
  try {
    const value = reader.readDocument();
    return { document: { value, lineOf: (path) => reader.lineOfPath(path) }, errors: reader.problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return {
      document: undefined,
      errors: [...reader.problems, { line: reader.lineAt(error.offset), path: formatPath(error.path), message: `JSON syntax: ${error.message}` }],
    };
  }
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly path: DataPath,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonReader {
  readonly problems: ParseError[] = [];
  private pos = 0;
  private readonly starts = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
    if (text.startsWith("\uFEFF")) this.pos = 1;
  }

  readDocument(): unknown {
    const value = this.readValue([]);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail([], "unexpected content after the JSON value");
    return value;
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The line of the value at path, or of the nearest ancestor that exists. */
  lineOfPath(path: DataPath): number {
    for (let length = path.length; length >= 0; length--) {
      const start = this.starts.get(JSON.stringify(path.slice(0, length)));
      if (start !== undefined) return this.lineAt(start);
    }
    return 1;
  }

  private readValue(path: DataPath): unknown {
    this.skipWhitespace();
    const key = JSON.stringify(path);
    if (!this.starts.has(key)) this.starts.set(key, this.pos);
    const char = this.text[this.pos];
    if (char === "{") return this.readObject(path);
    if (char === "[") return this.readArray(path);
    if (char === '"') return this.readString(path);
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    return this.fail(path, char === undefined ? "unexpected end of input" : `unexpected character '${char}'`);
  }

  private readObject(path: DataPath): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail(path, "expected a property name in double quotes");
      const keyStart = this.pos;
      const key = this.readString(path);
      const childPath = [...path, key];
      if (Object.hasOwn(object, key)) {
        this.problems.push({ line: this.lineAt(keyStart), path: formatPath(childPath), message: `duplicate key "${key}"` });
      } else {
        this.starts.set(JSON.stringify(childPath), keyStart);
      }
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail(childPath, "expected ':' after the property name");
      this.pos++;
      // defineProperty keeps a "__proto__" key as data, as JSON.parse does.
      Object.defineProperty(object, key, { value: this.readValue(childPath), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "}") return object;
      if (next !== ",") this.fail(path, "expected ',' or '}' after a property", this.pos - 1);
    }
  }

  private readArray(path: DataPath): unknown[] {
    const array: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.readValue([...path, array.length]));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "]") return array;
      if (next !== ",") this.fail(path, "expected ',' or ']' after an array item", this.pos - 1);
    }
  }

  private readString(path: DataPath): string {
    const start = this.pos;
    let end = start + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === "\\" ? 2 : 1;
    if (end >= this.text.length) this.fail(path, "unterminated string", start);
    this.pos = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      return this.fail(path, "invalid string (bad escape or raw control character)", start);
    }
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos] ?? "")) this.pos++;
  }

  private fail(path: DataPath, message: string, offset = this.pos): never {
    throw new JsonSyntaxError(offset, path, message);
  }
}
