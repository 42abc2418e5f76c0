"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Archive } from "lucide-react";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Spinner } from "@/components/ui/spinner";
import { showToast } from "@/components/ui/toast";
import { archiveTemplateAction } from "@/app/(app)/scripts/actions";

/** Archive, after a confirm: the template leaves the library but stays readable for old runs and notes. */
export function ArchiveTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function archive() {
    setPending(true);
    const result = await archiveTemplateAction({ id: templateId }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    setPending(false);
    const message = actionErrorMessage(result);
    if (message || !result?.data) {
      showToast({ tone: "error", title: "The template was not archived", description: message });
      return;
    }
    showToast({ tone: "success", title: "Template archived", description: `"${name}" is out of the library; past runs still show it.` });
    router.push("/scripts");
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" disabled={pending}>
          {pending ? <Spinner /> : <Archive aria-hidden className="size-4" />}
          Archive
        </Button>
      }
      title="Archive this template?"
      description={`"${name}" leaves the library and can no longer be generated or edited. Past runs and the notes that cite it keep showing what it said.`}
      confirmLabel="Archive template"
      onConfirm={() => void archive()}
    />
  );
}
