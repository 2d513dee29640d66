import { z } from "zod";

// SMTP is optional: without SMTP_HOST nothing is sent and outbox rows wait (README "E-mail").
const mailEnvSchema = z
  .object({
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number({ error: "SMTP_PORT must be a port number" }).int().min(1).max(65535).optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    // true = TLS from the first byte (port 465); false = STARTTLS when the server offers it (587, 25).
    SMTP_SECURE: z
      .enum(["true", "false", "1", "0"], { error: "SMTP_SECURE must be true or false" })
      .transform((v) => v === "true" || v === "1")
      .optional(),
    MAIL_FROM: z.string().optional(),
    // Links in e-mails point here (the public address of the web app).
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL like https://hopquy.example.vn" }).default("http://localhost:3000"),
  })
  .superRefine((env, ctx) => {
    if (!env.SMTP_HOST) return;
    if (!env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "MAIL_FROM is required when SMTP_HOST is set (e.g. \"HopQuy <no-reply@example.vn>\")" });
    if (env.SMTP_USER && env.SMTP_PASSWORD === undefined) ctx.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "SMTP_PASSWORD is required when SMTP_USER is set" });
  });

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  from: string;
}

export interface MailEnv {
  appUrl: string;
  // Null when e-mail delivery is not configured.
  smtp: SmtpConfig | null;
}

export function readMailEnv(source: NodeJS.ProcessEnv = process.env): MailEnv {
  // `NAME=` in an env file means unset, not an empty value.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = mailEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid mail environment: ${problems}`);
  }
  const env = parsed.data;
  const appUrl = env.APP_URL.replace(/\/+$/, "");
  if (!env.SMTP_HOST) return { appUrl, smtp: null };
  const secure = env.SMTP_SECURE ?? env.SMTP_PORT === 465;
  return {
    appUrl,
    smtp: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
      from: env.MAIL_FROM!,
    },
  };
}

export function isMailConfigured(env: MailEnv = readMailEnv()): boolean {
  return env.smtp !== null;
}
