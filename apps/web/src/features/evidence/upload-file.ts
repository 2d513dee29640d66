"use client";

import type { ActionError } from "@/lib/action-result";

export interface UploadedRevision {
  id: string;
  number: number;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
}

// Streams one file to the upload route with XMLHttpRequest, which (unlike fetch) reports upload
// progress, so large firmware packages show a moving bar.
export function uploadEvidenceFile(
  organizationSlug: string,
  evidenceId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true; revision: UploadedRevision } | { ok: false; error: ActionError }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/orgs/${encodeURIComponent(organizationSlug)}/evidence/${encodeURIComponent(evidenceId)}/revisions`);
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as { revision?: UploadedRevision; error?: ActionError };
        if (request.status === 200 && body.revision) resolve({ ok: true, revision: body.revision });
        else resolve({ ok: false, error: body.error ?? { code: "INTERNAL" } });
      } catch {
        resolve({ ok: false, error: { code: request.status === 413 ? "VALIDATION" : "INTERNAL", ...(request.status === 413 ? { reason: "file_too_large" } : {}) } });
      }
    };
    request.onerror = () => resolve({ ok: false, error: { code: "INTERNAL" } });
    request.send(file);
  });
}
