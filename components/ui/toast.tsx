"use client";

import { useSyncExternalStore } from "react";
import { Toast } from "radix-ui";
import { CheckCircle2, CircleAlert, Info, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

export type ToastTone = "success" | "error" | "info";
type ToastMessage = { id: number; title: string; description?: string; tone: ToastTone };

// A tiny module store, so a toast outlives the component that raised it (e.g. a dialog that closes
// because the page it was on re-rendered read-only).
let toasts: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const EMPTY: ToastMessage[] = [];

function emit() {
  for (const listener of listeners) listener();
}

/** Shows a toast; errors should carry the server's own message as `description`. */
export function showToast(message: Omit<ToastMessage, "id">): void {
  toasts = [...toasts, { ...message, id: nextId++ }];
  emit();
}

function dismiss(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const icons = { success: CheckCircle2, error: CircleAlert, info: Info } as const;
const iconColour = { success: "text-emerald-600", error: "text-red-600", info: "text-indigo-600" } as const;

/**
 * Renders the toasts (Radix: announced politely, errors assertively; the close button or a swipe
 * dismisses one, F8 moves focus to them and Escape then dismisses; hover or focus pauses the timer).
 *
 * They drop in at the top centre, under the top bar: the bottom corners hold the task lane's
 * Resolve/escalation card and the chat composer, which a toast must never hide. The top centre
 * only ever covers a page title the person has already read.
 */
export function Toaster() {
  const items = useSyncExternalStore(subscribe, () => toasts, () => EMPTY);
  return (
    <Toast.Provider swipeDirection="right" duration={8000}>
      {items.map((item) => {
        const Icon = icons[item.tone];
        return (
          <Toast.Root
            key={item.id}
            type={item.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => !open && dismiss(item.id)}
            className="pointer-events-auto flex items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 pr-2 text-sm shadow-lg motion-safe:data-[state=open]:animate-[menu-in_140ms_ease-out]"
          >
            <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", iconColour[item.tone])} />
            <div className="min-w-0 flex-1">
              <Toast.Title className="font-medium text-slate-900">{item.title}</Toast.Title>
              {item.description && <Toast.Description className="mt-0.5 text-slate-600">{item.description}</Toast.Description>}
            </div>
            <Toast.Close aria-label="Dismiss notification" className={cn("rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800", focusRing)}>
              <X aria-hidden className="size-4" />
            </Toast.Close>
          </Toast.Root>
        );
      })}
      <Toast.Viewport className="pointer-events-none fixed top-16 left-1/2 z-[60] flex w-96 max-w-[calc(100vw-2rem)] -translate-x-1/2 flex-col gap-2 outline-none" />
    </Toast.Provider>
  );
}
