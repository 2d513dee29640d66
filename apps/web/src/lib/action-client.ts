// The one mutation path for the UI: authenticate -> resolve the organization membership ->
// check the permission -> validate input with zod -> run the service -> map errors.
import { assertCan, isAppError, logger, resolveTenantContext, type Permission, type TenantContext } from "@hopquy/core";
import { z } from "zod";
import { getSession, type SessionUser } from "@/auth/session";
import type { ActionError, ActionResult } from "./action-result";

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

export function toActionError(error: unknown, context: Record<string, unknown> = {}): ActionError {
  if (error instanceof z.ZodError) return { code: "VALIDATION", fieldErrors: fieldErrorsOf(error) };
  if (isAppError(error)) {
    const reason = typeof error.details?.reason === "string" ? error.details.reason : undefined;
    return { code: error.code, ...(reason ? { reason } : {}) };
  }
  logger.error({ err: error, ...context }, "server action failed");
  return { code: "INTERNAL" };
}

async function run<T>(body: () => Promise<T>, context: Record<string, unknown>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    return { ok: false, error: toActionError(error, context) };
  }
}

// For actions of a signed-in user that are not about one organization (create an org, language...).
export function userAction<S extends z.ZodType, T>(schema: S, handler: (user: SessionUser, input: z.infer<S>) => Promise<T>) {
  return async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getSession();
    if (!user) return { ok: false, error: { code: "UNAUTHENTICATED" } };
    return run(async () => handler(user, schema.parse(rawInput)), { userId: user.id });
  };
}

// For actions inside an organization: the first argument is always the organization's slug.
export function orgAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (ctx: TenantContext, input: z.infer<S>) => Promise<T>,
) {
  return async (organizationSlug: string, rawInput: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getSession();
    if (!user) return { ok: false, error: { code: "UNAUTHENTICATED" } };
    return run(async () => {
      const ctx = await resolveTenantContext(user, z.string().max(64).parse(organizationSlug));
      assertCan(ctx, permission);
      return handler(ctx, schema.parse(rawInput));
    }, { userId: user.id, organizationSlug });
  };
}
