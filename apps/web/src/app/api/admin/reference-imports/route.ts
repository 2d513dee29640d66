import { assertPlatformAdmin, importReferenceFile, logger, MAX_REFERENCE_FILE_BYTES } from "@hopquy/core";
import { enqueueCatalogImpact, enqueueRiskListImpact } from "@hopquy/jobs";
import { NextResponse } from "next/server";
import { userRoute } from "@/lib/user-route";

// POST multipart/form-data with one `file`: a catalog, mapping set, risk list or timeline (YAML/JSON/CSV).
// A route handler rather than a server action: uploads need an explicit size cap (actions stop at 1 MB).
export const POST = userRoute<Record<string, never>>(async (user, request) => {
  assertPlatformAdmin(user);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_REFERENCE_FILE_BYTES + 64 * 1024) {
    return NextResponse.json({ ok: false, errors: [{ line: 1, path: "(root)", message: "file is larger than 5 MB" }] }, { status: 413 });
  }
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) {
    return NextResponse.json({ ok: false, errors: [{ line: 1, path: "(root)", message: "no file was uploaded" }] }, { status: 400 });
  }
  if (file.size > MAX_REFERENCE_FILE_BYTES) {
    return NextResponse.json({ ok: false, errors: [{ line: 1, path: "(root)", message: "file is larger than 5 MB" }] }, { status: 413 });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return NextResponse.json({ ok: false, errors: [{ line: 1, path: "(root)", message: "the file is not UTF-8 text" }] }, { status: 400 });
  }
  const result = await importReferenceFile(user, { fileName: file.name, text });
  if (result.ok && result.created && result.kind !== "timeline") {
    // The revision is published whatever happens next: a queue outage is logged (the job can be
    // enqueued again by id) rather than reported as a failed import.
    try {
      if (result.kind === "risk-list") await enqueueRiskListImpact(result.id);
      else await enqueueCatalogImpact({ kind: result.kind, id: result.id });
    } catch (err) {
      logger.error({ err, publication: { kind: result.kind, id: result.id } }, "could not queue the catalog change impact");
      return NextResponse.json({ ...result, impactQueued: false }, { status: 201 });
    }
  }
  return NextResponse.json(result, { status: result.ok ? (result.created ? 201 : 200) : 422 });
});
