"use client";

import type { ActionError } from "@/lib/action-result";
import { postFile } from "@/lib/post-file";

export interface UploadedRevision {
  id: string;
  number: number;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

export async function uploadEvidenceFile(
  organizationSlug: string,
  evidenceId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true; revision: UploadedRevision } | { ok: false; error: ActionError }> {
  const url = `/api/orgs/${encodeURIComponent(organizationSlug)}/evidence/${encodeURIComponent(evidenceId)}/revisions`;
  const result = await postFile(url, file, onProgress, (body) => body.revision as UploadedRevision | undefined);
  return result.ok ? { ok: true, revision: result.data } : result;
}
