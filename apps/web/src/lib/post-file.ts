"use client";

import type { ActionError } from "@/lib/action-result";

// Streams one file to an upload route handler with XMLHttpRequest, which (unlike fetch) reports
// upload progress, so large files show a moving bar. `pick` takes the success payload out of the JSON.
export function postFile<T>(url: string, file: File, onProgress: (fraction: number) => void, pick: (body: Record<string, unknown>) => T | undefined): Promise<{ ok: true; data: T } | { ok: false; error: ActionError }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as Record<string, unknown> & { error?: ActionError };
        const data = request.status === 200 ? pick(body) : undefined;
        if (data !== undefined) resolve({ ok: true, data });
        else resolve({ ok: false, error: body.error ?? { code: "INTERNAL" } });
      } catch {
        resolve({ ok: false, error: { code: request.status === 413 ? "VALIDATION" : "INTERNAL", ...(request.status === 413 ? { reason: "file_too_large" } : {}) } });
      }
    };
    request.onerror = () => resolve({ ok: false, error: { code: "INTERNAL" } });
    request.send(file);
  });
}
