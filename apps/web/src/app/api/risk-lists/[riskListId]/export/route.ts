import { exportFormatSchema, exportRiskList } from "@hopquy/core";
import { fileResponse, userRoute } from "@/lib/user-route";

// GET ?format=yaml|csv — the risk-list revision as a file that imports back to the identical content.
export const GET = userRoute<{ riskListId: string }>(async (_user, request, { riskListId }) => {
  const format = exportFormatSchema.parse(new URL(request.url).searchParams.get("format") ?? "yaml");
  return fileResponse(await exportRiskList(riskListId, format));
});
