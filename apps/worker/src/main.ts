import { logger } from "@hopquy/core";
import { startJobsRuntime } from "@hopquy/jobs/runtime";

process.env.HOPQUY_SERVICE ??= "worker";
const runtime = await startJobsRuntime();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  await runtime.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
