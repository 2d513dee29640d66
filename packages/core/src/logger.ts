import pino from "pino";

// One structured logger for web, worker and scripts.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: process.env.HOPQUY_SERVICE ?? "hopquy" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
});
