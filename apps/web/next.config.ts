import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// Next inlines its bootstrap scripts, so script-src needs 'unsafe-inline' (dev also needs eval).
// Everything else is locked to our own origin; framing is refused entirely.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  transpilePackages: ["@hopquy/catalog", "@hopquy/compliance", "@hopquy/core", "@hopquy/db", "@hopquy/dossier", "@hopquy/jobs", "@hopquy/mail", "@hopquy/storage"],
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg", "pino", "bullmq", "ioredis", "@aws-sdk/client-s3", "exceljs", "pdfkit"],
  // The SKU import sends its file (at most 5 MB, checked again by the service) to a server action.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
