import { CircleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** A message under a form control, linked to it by `id` (aria-describedby); nothing when there is none. */
export function FieldError({ id, message, className }: { id: string; message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} className={cn("mt-1 flex items-start gap-1.5 text-sm text-red-700", className)}>
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}
