// The first X-Forwarded-For hop as set by the reverse proxy in front of the app (deployments must
// make the proxy overwrite, not append to, a client-supplied value). Used for per-IP throttling only.
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
