import type { ReactNode } from "react";
import { Sparkles } from "lucide-react";

/** The signed-out pages' frame: the FlowPilot mark above one centred card. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-6">
      <span aria-hidden className="flex size-10 items-center justify-center rounded-xl bg-indigo-600 text-on-accent shadow-sm">
        <Sparkles className="size-5" />
      </span>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
    </main>
  );
}
