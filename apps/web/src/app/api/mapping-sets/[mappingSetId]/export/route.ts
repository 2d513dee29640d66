import { exportFormatSchema, exportMappingSet } from "@hopquy/core";
import { fileResponse, userRoute } from "@/lib/user-route";

export const GET = userRoute<{ mappingSetId: string }>(async (_user, request, { mappingSetId }) => {
  const format = exportFormatSchema.parse(new URL(request.url).searchParams.get("format") ?? "yaml");
  return fileResponse(await exportMappingSet(mappingSetId, format));
});
