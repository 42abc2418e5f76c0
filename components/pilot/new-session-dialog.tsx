"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Plus } from "lucide-react";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { TextInput } from "@/components/ui/text-input";
import { createSessionAction } from "@/app/(app)/pilot/actions";

type Fields = "title" | "psa_ticket_id" | "company_name";
type Errors = FormErrors<Fields>;

const FIELDS: { name: Fields; id: string; label: string; hint?: string; inputMode?: "numeric" }[] = [
  { name: "title", id: "new-session-title", label: "Title", hint: "What is broken, in a few words." },
  { name: "psa_ticket_id", id: "new-session-ticket", label: "Ticket number", hint: "Optional. The PSA ticket this work belongs to.", inputMode: "numeric" },
  { name: "company_name", id: "new-session-company", label: "Company", hint: "Optional." },
];

/** The current URL without `?new=1`, the other query parameters kept. */
function withoutNewParam(pathname: string, search: string): string {
  const rest = new URLSearchParams(search);
  rest.delete("new");
  const query = rest.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * B1: "New session" — a small form in a dialog; the server validates, then the new session opens.
 * `?new=1` (the command palette's "New session") opens it; the parameter is dropped at once, so a
 * reload doesn't open it again.
 */
export function NewSessionDialog() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get("new") === "1";
  const [seenRequest, setSeenRequest] = useState(false);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);

  // Opened from the URL during render (state adjusted to a changed prop), not in an effect.
  if (requested !== seenRequest) {
    setSeenRequest(requested);
    if (requested) setOpen(true);
  }

  useEffect(() => {
    if (requested) router.replace(withoutNewParam(pathname, searchParams.toString()), { scroll: false });
  }, [requested, router, pathname, searchParams]);

  function handleOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) setErrors({});
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: Fields) => String(form.get(name) ?? "").trim();
    setPending(true);
    setErrors({});
    const result = await createSessionAction({
      title: value("title"),
      psa_ticket_id: value("psa_ticket_id") || undefined,
      company_name: value("company_name") || undefined,
    }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    if (result?.data) {
      router.push(`/pilot/${result.data.id}`);
      return; // stays pending until the session page replaces this one
    }
    setPending(false);
    const next: Errors = formErrorsOf(result);
    setErrors(next);
    const firstInvalid = FIELDS.find((field) => next[field.name]);
    if (firstInvalid) formRef.current?.querySelector<HTMLInputElement>(`#${firstInvalid.id}`)?.focus();
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden className="size-4" />
          New session
        </Button>
      </DialogTrigger>
      <DialogContent title="New session" description="Start a troubleshooting session. You can link a ticket now or leave it for later.">
        <form ref={formRef} onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          {FIELDS.map((field) => {
            const error = errors[field.name];
            const describedBy = [`${field.id}-hint`, error ? `${field.id}-error` : null].filter(Boolean).join(" ");
            return (
              <div key={field.name}>
                <label htmlFor={field.id} className="text-sm font-medium text-slate-900">
                  {field.label}
                </label>
                {field.hint && (
                  <p id={`${field.id}-hint`} className="text-xs text-slate-500">
                    {field.hint}
                  </p>
                )}
                <TextInput
                  id={field.id}
                  name={field.name}
                  inputMode={field.inputMode}
                  autoComplete="off"
                  aria-required={field.name === "title" || undefined}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  disabled={pending}
                  className="mt-1.5"
                />
                <FieldError id={`${field.id}-error`} message={error} />
              </div>
            );
          })}
          <DialogFormFooter submitLabel="Start session" pending={pending} error={errors.form} className="pt-2" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
