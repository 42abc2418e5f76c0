import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

/** The look of every text box: the same border, focus outline and invalid state as the settings fields. */
export const textControl = cn(
  "block w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-400",
  focusRing,
);

export function TextInput({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(textControl, "h-9", className)} {...props} />;
}

/** A textarea that grows with its content (where the browser supports it) up to a cap. */
export function TextArea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(textControl, "field-sizing-content max-h-64 min-h-16 py-2 leading-relaxed", className)} {...props} />;
}
