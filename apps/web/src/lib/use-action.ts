"use client";

import { useState, useTransition } from "react";
import type { ActionError, ActionResult } from "./action-result";

// Runs a server action in a transition and keeps its error for display; success goes to onSuccess.
export function useAction() {
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  function run<T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        onSuccess(result.data);
      } else {
        setError(result.error);
      }
    });
  }
  return { error, pending, run };
}

// The text fields of a submitted form, as strings (absent fields become "").
export function formFields<K extends string>(form: HTMLFormElement, names: readonly K[]): Record<K, string> {
  const data = new FormData(form);
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? "")])) as Record<K, string>;
}
