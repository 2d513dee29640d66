"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { useAction } from "@/lib/use-action";
import { FormError, secondaryButtonClass } from "./form-parts";

// A button that runs one server action, refreshes the page on success and shows the error otherwise.
export function ActionButton<T>({ label, action }: { label: string; action: () => Promise<ActionResult<T>> }) {
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <div>
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run(action, () => router.refresh())}>
        {label}
      </button>
      <FormError error={error} />
    </div>
  );
}
