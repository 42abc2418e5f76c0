"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/native-select";
import { TextInput } from "@/components/ui/text-input";
import { showToast } from "@/components/ui/toast";
import { inviteMemberAction } from "@/app/(app)/settings/members/actions";
import { roleLabel, roleSummary } from "@/components/settings/members/role-labels";

type Props = { roles: UserRole[]; devMailbox: boolean };

/** "Invite": an email and a role; the server's message shows in the dialog when it refuses. */
export function InviteMemberDialog({ roles, devMailbox }: Props) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<"email" | "role">>({});
  const defaultRole = roles.includes("engineer") ? "engineer" : roles[0];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setErrors({});
    const email = String(form.get("email") ?? "");
    const result = await inviteMemberAction({ email, role: String(form.get("role") ?? "") as UserRole }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    setPending(false);
    if (result?.data) {
      setOpen(false);
      showToast({ tone: "success", title: `Invitation sent to ${result.data.email}`, description: devMailbox ? "Without RESEND_API_KEY it waits in the dev mailbox." : undefined });
      router.refresh();
      return;
    }
    setErrors(formErrorsOf(result));
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && (setOpen(next), setErrors({}))}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden className="size-4" />
          Invite
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite a teammate" description="They get an email with a link that works once and expires in 7 days.">
        <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          <div>
            <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-700">
              Email
            </label>
            <TextInput id={`${id}-email`} name="email" type="email" autoComplete="off" required disabled={pending} className="mt-1"
              aria-invalid={Boolean(errors.email)} aria-describedby={`${id}-email-error`} />
            <FieldError id={`${id}-email-error`} message={errors.email} />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className="block text-sm font-medium text-slate-700">
              Role
            </label>
            <NativeSelect id={`${id}-role`} name="role" defaultValue={defaultRole} disabled={pending} wrapperClassName="mt-1"
              aria-describedby={`${id}-role-error`} options={roles.map((role) => ({ value: role, label: `${roleLabel[role]} — ${roleSummary[role]}` }))} />
            <FieldError id={`${id}-role-error`} message={errors.role} />
          </div>
          {devMailbox && (
            <p className="text-sm text-slate-600">
              No RESEND_API_KEY is set, so the email is kept in the <a href="/dev/mailbox" className="font-medium text-indigo-700 underline-offset-2 hover:underline">dev mailbox</a> instead of being sent.
            </p>
          )}
          <DialogFormFooter submitLabel="Send invitation" pending={pending} error={errors.form} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
