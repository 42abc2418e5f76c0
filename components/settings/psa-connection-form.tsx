"use client";

import { useState, type ChangeEvent, type FormEvent } from "react";
import { formErrorsOf } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { PsaKeyField } from "@/components/settings/psa-key-field";
import { PsaTextField } from "@/components/settings/psa-text-field";
import { useHydrated } from "@/components/settings/use-hydrated";
import type { PsaConnectionView } from "@/lib/psa/connection-view";
import { savePsaConnectionAction } from "@/app/(app)/settings/actions";

type Field = "site_url" | "company_id" | "public_key" | "private_key" | "client_id";
type Values = Record<Field, string>;

const emptyErrors: Partial<Record<Field, string>> = {};

/**
 * The ConnectWise connection: site, company id, the two API keys and the clientId. Saving
 * replaces the connection (the server checks the site is https and public); keys left empty keep
 * the stored ones. Typed keys are cleared from the form as soon as they are saved.
 */
export function PsaConnectionForm({ connection }: { connection: PsaConnectionView | null }) {
  const [values, setValues] = useState<Values>({
    site_url: connection?.site_url ?? "",
    company_id: connection?.company_id ?? "",
    public_key: "",
    private_key: "",
    client_id: connection?.client_id ?? "",
  });
  const [replacing, setReplacing] = useState({ public_key: false, private_key: false });
  const [errors, setErrors] = useState(emptyErrors);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const hydrated = useHydrated();
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  // What every plain text box of the form shares; the keys are PsaKeyFields.
  const textField = (field: "site_url" | "company_id" | "client_id") => ({
    id: `psa-${field.replace("_", "-")}`,
    name: field,
    autoComplete: "off",
    spellCheck: false,
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(field)(event.target.value),
    error: errors[field],
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors(emptyErrors);
    setFormError(null);
    setStatus({ kind: "saving" });
    const result = await savePsaConnectionAction({
      provider: "connectwise",
      site_url: values.site_url,
      company_id: values.company_id,
      public_key: values.public_key || undefined,
      private_key: values.private_key || undefined,
      client_id: values.client_id,
    }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    if (result?.data) {
      setValues((current) => ({ ...current, site_url: result.data.site_url, public_key: "", private_key: "" }));
      setReplacing({ public_key: false, private_key: false });
      setStatus({ kind: "saved", message: "Saved. Test the connection to check the keys." });
      return;
    }
    setStatus({ kind: "idle" });
    const { form, ...fieldErrors } = formErrorsOf<Field>(result);
    setErrors(fieldErrors);
    setFormError(form ?? (Object.keys(fieldErrors).length ? null : "The connection was not saved. Try again."));
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="ConnectWise connection" className="space-y-4 py-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <PsaTextField {...textField("site_url")} label="Site" hint="Your ConnectWise address, e.g. https://api-na.myconnectwise.net or your own server." inputMode="url" />
        <PsaTextField {...textField("company_id")} label="Company id" hint="The company you sign in to ConnectWise with." />
        {(["public_key", "private_key"] as const).map((field) => (
          <PsaKeyField
            key={field}
            id={`psa-${field.replace("_", "-")}`}
            name={field}
            label={field === "public_key" ? "Public API key" : "Private API key"}
            last4={connection?.[`${field}_last4`] ?? null}
            value={values[field]}
            onChange={set(field)}
            replacing={replacing[field]}
            onReplacingChange={(next) => setReplacing((current) => ({ ...current, [field]: next }))}
            error={errors[field]}
          />
        ))}
        <PsaTextField {...textField("client_id")} label="Client id" hint="The clientId from developer.connectwise.com/ClientID." wrapperClassName="sm:col-span-2" />
      </div>
      {formError && <ErrorCallout>{formError}</ErrorCallout>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!hydrated || status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : connection ? "Save connection" : "Connect"}
        </Button>
        <InlineStatus status={status} />
      </div>
    </form>
  );
}
