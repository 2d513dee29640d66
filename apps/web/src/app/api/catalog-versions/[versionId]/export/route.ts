import { exportCatalogVersion, exportFormatSchema } from "@hopquy/core";
import { fileResponse, userRoute } from "@/lib/user-route";

// GET ?format=yaml|csv — the catalog version as a file that imports back to the identical version.
export const GET = userRoute<{ versionId: string }>(async (_user, request, { versionId }) => {
  const format = exportFormatSchema.parse(new URL(request.url).searchParams.get("format") ?? "yaml");
  return fileResponse(await exportCatalogVersion(versionId, format));
});
