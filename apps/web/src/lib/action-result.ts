// What every server action returns: data, or an error the UI can translate. Never a thrown error.
export type ActionError = {
  code: string;
  reason?: string;
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
