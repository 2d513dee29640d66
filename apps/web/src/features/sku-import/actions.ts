"use server";

import { IMPORT_MODES, importSkus } from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/action-client";

// A file travels to a server action inside FormData (body cap: serverActions.bodySizeLimit in
// next.config.ts); the service enforces the 5 MB limit and reports it like any other file problem.
const importSkusFormInput = z
  .instanceof(FormData)
  .transform((form) => ({ file: form.get("file"), mode: form.get("mode") }))
  .pipe(
    z.object({
      file: z.custom<File>((value) => value instanceof Blob && typeof (value as File).name === "string", "file_required"),
      mode: z.enum(IMPORT_MODES),
    }),
  );

export const importSkusAction = orgAction("sku:create", importSkusFormInput, async (ctx, { file, mode }) => {
  const report = await importSkus(ctx, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mode });
  if (report.outcome === "imported") revalidatePath(`/${ctx.organizationSlug}/skus`);
  return report;
});
