// Route handlers for any signed-in user (platform-wide reference data): same error mapping as tenantRoute.
import { NextResponse } from "next/server";
import { getSession, type SessionUser } from "@/auth/session";
import { toActionError } from "./action-client";
import { statusOfErrorCode } from "./tenant-route";

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

// A downloaded file is always an attachment and never sniffed into something executable.
export function fileResponse(file: { fileName: string; contentType: string; body: string }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
