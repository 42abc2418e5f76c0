import { LoaderCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** A busy indicator; decorative (say what is happening in text next to it). Spins only without reduced motion. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle aria-hidden className={cn("size-4 shrink-0 text-slate-400 motion-safe:animate-spin", className)} />;
}
