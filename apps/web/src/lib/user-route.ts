// Route handlers for any signed-in user: session check, then expected errors as JSON with their
// HTTP status (unexpected ones are logged by toActionError and answered 500).
import { NextResponse } from "next/server";
import { getSession, type SessionUser } from "@/auth/session";
import { toActionError } from "./action-client";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  EXPIRED: 410,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function statusOfErrorCode(code: string): number {
  return STATUS[code] ?? 500;
}

export function userRoute<P>(handler: (user: SessionUser, request: Request, params: P) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<P> }) => {
    const user = await getSession();
    if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED" } }, { status: 401 });
    try {
      return await handler(user, request, await params);
    } catch (error) {
      const body = toActionError(error, { userId: user.id });
      return NextResponse.json({ error: body }, { status: statusOfErrorCode(body.code) });
    }
  };
}

// A downloaded file is always an attachment and never sniffed into something executable. The body
// may be a stream; filename* (RFC 6266) carries names beyond ASCII, filename an ASCII fallback.
export function fileResponse(file: { fileName: string; contentType: string; body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> }): Response {
  const fallback = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

const encodeRfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
