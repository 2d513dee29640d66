// Mails the real test SMTP server received (started by the global setup), decoded enough to read:
// headers plus each quoted-printable or base64 body part as UTF-8 text.
import { inject } from "vitest";

export interface ReceivedMail {
  to: string[];
  // Headers and decoded body parts, for matching text and links.
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeMime(raw: string): string {
  const parts = [raw.split(/\r?\n\r?\n/)[0] ?? ""];
  const partPattern = /Content-Transfer-Encoding: *(quoted-printable|base64|7bit|8bit)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)(?=\r?\n--|$)/gi;
  for (const match of raw.matchAll(partPattern)) {
    const [, encoding, body] = match;
    if (encoding!.toLowerCase() === "base64") parts.push(Buffer.from(body!.replace(/\s+/g, ""), "base64").toString("utf8"));
    else if (encoding!.toLowerCase() === "quoted-printable") parts.push(decodeQuotedPrintable(body!));
    else parts.push(body!);
  }
  return parts.join("\n");
}

export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const mails = (await (await fetch(inject("mailboxUrl"))).json()) as { to: string[]; raw: string }[];
  return mails.filter((m) => m.to.includes(address)).map((m) => ({ to: m.to, text: decodeMime(m.raw) }));
}
