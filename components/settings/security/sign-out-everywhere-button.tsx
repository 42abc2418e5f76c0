"use client";

import { MonitorX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SignOutEverywhereDialog } from "@/components/shell/sign-out-everywhere-dialog";

/** Settings → Security's "Sign out everywhere": the same confirmation as the user menu's. */
export function SignOutEverywhereButton() {
  return (
    <SignOutEverywhereDialog
      trigger={(pending) => (
        <Button variant="secondary" disabled={pending}>
          <MonitorX aria-hidden className="size-4" />
          {pending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      )}
    />
  );
}
