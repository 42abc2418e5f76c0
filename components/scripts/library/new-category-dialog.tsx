"use client";

import { useId, useState, type FormEvent } from "react";
import { FolderPlus } from "lucide-react";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { TextInput } from "@/components/ui/text-input";
import { createCategoryAction } from "@/app/(app)/scripts/actions";

type Props = { onCreated: (category: { id: string; name: string }) => void; disabled?: boolean };

/** A new library category, named here and chosen for the template at once. */
export function NewCategoryDialog({ onCreated, disabled }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<"name" | "description">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The category form sits inside the template form; keep this submit to itself.
    event.stopPropagation();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setErrors({});
    const result = await createCategoryAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") || null }).catch(
      (error: unknown) => {
        console.error(error);
        return undefined;
      },
    );
    setPending(false);
    if (result?.data) {
      onCreated(result.data);
      setOpen(false);
      return;
    }
    setErrors(formErrorsOf(result));
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && (setOpen(next), setErrors({}))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={disabled}>
          <FolderPlus aria-hidden className="size-4" />
          New category
        </Button>
      </DialogTrigger>
      <DialogContent title="New category" description="Categories group the library; everyone on the team sees them.">
        <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          <div>
            <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
              Name
            </label>
            <TextInput id={`${id}-name`} name="name" required maxLength={100} disabled={pending} className="mt-1" aria-invalid={Boolean(errors.name)} aria-describedby={`${id}-name-error`} />
            <FieldError id={`${id}-name-error`} message={errors.name} />
          </div>
          <div>
            <label htmlFor={`${id}-description`} className="block text-sm font-medium text-slate-700">
              Description <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <TextInput id={`${id}-description`} name="description" maxLength={500} disabled={pending} className="mt-1" />
            <FieldError id={`${id}-description-error`} message={errors.description} />
          </div>
          <DialogFormFooter submitLabel="Create category" pending={pending} error={errors.form} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
