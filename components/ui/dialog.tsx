"use client";

import type { ComponentProps, ReactNode } from "react";
import { Dialog as RadixDialog } from "radix-ui";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type Props = Omit<ComponentProps<typeof RadixDialog.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Shown beside the title (badges, status). */
  meta?: ReactNode;
};

/**
 * A modal dialog panel: portalled, focus trapped, Escape and the close button dismiss it, the
 * title names it for assistive technology. The overlay scrolls when the panel is taller than the
 * screen; the entrance animation only runs for people who have not asked for reduced motion.
 */
export function DialogContent({ title, description, meta, className, children, ...props }: Props) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-slate-900/40 p-4">
        <RadixDialog.Content
          className={cn(
            "relative w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 shadow-xl focus:outline-none sm:p-6",
            "motion-safe:data-[state=open]:animate-[menu-in_140ms_ease-out]",
            className,
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
          {...props}
        >
          <div className="flex items-start justify-between gap-4 pr-8">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
                {meta}
              </div>
              {description && <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>}
            </div>
          </div>
          {children}
          {/* After the content, so focus starts on the first field rather than on Close. */}
          <RadixDialog.Close asChild>
            <Button variant="ghost" size="icon" className="absolute top-3 right-3" aria-label="Close">
              <X aria-hidden className="size-4" />
            </Button>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Overlay>
    </RadixDialog.Portal>
  );
}
