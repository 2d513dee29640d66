import { signOutAction, signOutEverywhereAction } from "@/features/auth/actions";
import { secondaryButtonClass } from "./form-parts";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
        {label}
      </button>
    </form>
  );
}

export function SignOutEverywhereButton({ label }: { label: string }) {
  return (
    <form action={signOutEverywhereAction}>
      <button type="submit" className={secondaryButtonClass}>
        {label}
      </button>
    </form>
  );
}
