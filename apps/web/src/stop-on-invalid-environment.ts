// Next would log an instrumentation error and keep serving 500s; a misconfigured server must stop.
export async function stopOnInvalidEnvironment(): Promise<void> {
  const { validateWebEnv } = await import("./env");
  const { readDbEnv } = await import("@hopquy/db");
  const { readJobsEnv } = await import("@hopquy/jobs");
  try {
    validateWebEnv();
    readDbEnv();
    readJobsEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
