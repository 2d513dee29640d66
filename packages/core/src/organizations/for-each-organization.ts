import { logger } from "../logger";

// The loop of every organization-wide system job (reminder sweeps, publication impact): one
// organization at a time, each in its own transaction inside `work`. One broken organization must
// not hold back the others; afterwards the job fails, so it is retried, and every such `work` is
// idempotent (a retry redoes nothing already done).
export async function forEachOrganization<T>(
  organizationIds: readonly string[],
  work: (organizationId: string) => Promise<T>,
  options: { what: string; context?: Record<string, unknown>; onResult?: (result: T) => void; onProgress?: (done: number, total: number) => Promise<void> | void },
): Promise<void> {
  const failed: string[] = [];
  for (const [index, organizationId] of organizationIds.entries()) {
    try {
      options.onResult?.(await work(organizationId));
    } catch (err) {
      logger.error({ err, organizationId, ...options.context }, `${options.what} failed for an organization`);
      failed.push(organizationId);
    }
    await options.onProgress?.(index + 1, organizationIds.length);
  }
  if (failed.length) throw new Error(`${options.what} failed for ${failed.length} of ${organizationIds.length} organizations`);
}
