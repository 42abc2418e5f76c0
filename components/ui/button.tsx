import type { ComponentProps } from "react";
import { Slot } from "radix-ui";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

// Disabled buttons keep 3:1 against the page and a readable label instead of fading with opacity:
// the solid ones turn slate (with the spinner's on-accent colour still legible on it).
const variants = {
  primary:
    "bg-indigo-600 text-on-accent shadow-sm hover:bg-indigo-500 disabled:bg-slate-500 disabled:shadow-none disabled:hover:bg-slate-500",
  secondary:
    "border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50 disabled:bg-slate-50 disabled:text-slate-500 disabled:shadow-none disabled:hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-500 disabled:hover:bg-transparent",
  danger: "bg-red-600 text-on-accent shadow-sm hover:bg-red-500 disabled:bg-slate-500 disabled:shadow-none disabled:hover:bg-slate-500",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  md: "h-9 gap-2 px-4 text-sm",
  icon: "size-9 justify-center",
} as const;

export type ButtonVariant = keyof typeof variants;

type Props = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  /** Render the child element (e.g. a link) with button styling. */
  asChild?: boolean;
};

/** The app's button; `data-variant` names its emphasis, so tests and styles can tell the primary action. */
export function Button({ variant = "primary", size = "md", asChild, className, type, ...props }: Props) {
  const Component = asChild ? Slot.Root : "button";
  return (
    <Component
      type={asChild ? undefined : (type ?? "button")}
      data-variant={variant}
      className={cn(
        "inline-flex shrink-0 items-center rounded-md font-medium transition-colors disabled:cursor-not-allowed",
        focusRing,
        variants[variant],
        sizes[size],
        className,
      )}
      {...props}
    />
  );
}
