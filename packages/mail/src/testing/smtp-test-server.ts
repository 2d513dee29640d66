// A real SMTP server for integration tests (smtp-server on a random local port) that keeps what it
// receives. `refuse` decides per recipient attempt whether to answer with a temporary error.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { MailEnv } from "../env";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  // Number of RCPT TO commands seen (refused ones included).
  recipientAttempts: number;
  env(from?: string): MailEnv;
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: { refuse?: (attempt: number) => false | { code: number; message: string } } = {}): Promise<SmtpTestServer> {
  const state = { received: [] as ReceivedMail[], recipientAttempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      state.recipientAttempts += 1;
      const refusal = options.refuse?.(state.recipientAttempts);
      if (refusal) {
        const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    get received() {
      return state.received;
    },
    get recipientAttempts() {
      return state.recipientAttempts;
    },
    env: (from = "HopQuy <no-reply@hopquy.test>") => ({ appUrl: "http://localhost:3000", smtp: { host: "127.0.0.1", port, secure: false, from } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
