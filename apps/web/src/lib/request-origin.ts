// The scheme and host a request was addressed to, as the client saw it: behind a reverse proxy the
// X-Forwarded-Proto/-Host headers, otherwise the request URL. For absolute links in responses that
// leave the browser (calendar feeds); malformed header values fall back to the request URL.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const firstOf = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const forwardedHost = firstOf("x-forwarded-host");
  const host = [forwardedHost, firstOf("host")].find((h) => h !== undefined && HOST.test(h)) ?? url.host;
  const forwardedProto = firstOf("x-forwarded-proto");
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
