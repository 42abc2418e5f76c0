"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { MessagesSquare } from "lucide-react";
import type { PsaTicket } from "@/lib/psa/provider";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { TextInput } from "@/components/ui/text-input";
import { startTicketSessionAction } from "@/app/(app)/tickets/actions";

/** B1 from a ticket: a pilot session linked to it (titled after the ticket unless changed), then the pilot page. */
export function StartSessionDialog({ ticket }: { ticket: Pick<PsaTicket, "id" | "summary" | "company"> }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(ticket.summary);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<"title">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    const result = await startTicketSessionAction({
      title: title.trim(),
      psa_ticket_id: ticket.id,
      company_name: ticket.company?.name,
    }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    if (result?.data) {
      router.push(`/pilot/${result.data.id}`);
      return; // stays pending until the session page replaces this one
    }
    setPending(false);
    setErrors(formErrorsOf(result));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (next) setTitle(ticket.summary);
        setErrors({});
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <MessagesSquare aria-hidden className="size-4" />
          Start pilot session
        </Button>
      </DialogTrigger>
      <DialogContent title="Start pilot session" description={`A troubleshooting session linked to ticket #${ticket.id}. Resolving it posts the resolution note to this ticket.`}>
        <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          <div>
            <label htmlFor={`${id}-title`} className="text-sm font-medium text-slate-900">
              Session title
            </label>
            <TextInput
              id={`${id}-title`}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              disabled={pending}
              autoComplete="off"
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? `${id}-title-error` : undefined}
              className="mt-1.5"
            />
            <FieldError id={`${id}-title-error`} message={errors.title} />
          </div>
          <DialogFormFooter submitLabel="Start session" pending={pending} error={errors.form} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
