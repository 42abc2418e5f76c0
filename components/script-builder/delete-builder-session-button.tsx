"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { showToast } from "@/components/ui/toast";
import { deleteBuilderSessionAction } from "@/app/(app)/scripts/builder/actions";

/** Deletes a builder session after a confirm, freeing its slot under the cap. */
export function DeleteBuilderSessionButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function remove() {
    setPending(true);
    const result = await deleteBuilderSessionAction({ id }).catch(() => undefined);
    setPending(false);
    const message = actionErrorMessage(result);
    if (message) {
      showToast({ tone: "error", title: "The session was not deleted", description: message });
      return;
    }
    showToast({ tone: "success", title: `Deleted “${title}”` });
    router.refresh();
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" disabled={pending} aria-label={`Delete ${title}`}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      }
      title="Delete this builder session?"
      description={`“${title}” and its conversation are deleted. Copy or download the script first if you still need it.`}
      confirmLabel="Delete"
      onConfirm={() => void remove()}
    />
  );
}
