export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stopOnInvalidEnvironment } = await import("./stop-on-invalid-environment");
  await stopOnInvalidEnvironment();
}
