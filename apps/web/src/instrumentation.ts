export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateWebEnv } = await import("./env");
  const { readDbEnv } = await import("@hopquy/db");
  const { readJobsEnv } = await import("@hopquy/jobs");
  // Throwing here stops the server before it accepts a request; the message names the variable.
  validateWebEnv();
  readDbEnv();
  readJobsEnv();
}
