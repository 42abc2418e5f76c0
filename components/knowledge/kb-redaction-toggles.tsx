"use client";

import type { Redaction, RedactionKind } from "@/lib/knowledge/kb-redaction";
import { Switch } from "@/components/ui/switch";

const KIND_LABEL: Record<RedactionKind, string> = { customer: "Customer", user: "User", email: "Email", host: "Host", ip: "IP address" };

type Props = { redactions: Redaction[]; onToggle: (placeholder: string, keep: boolean) => void; disabled?: boolean };

/**
 * What the draft hid, each with a "Keep" switch: on shows the real value in the article, off the
 * placeholder. Nothing is sent to the AI when a switch changes.
 */
export function KbRedactionToggles({ redactions, onToggle, disabled }: Props) {
  if (redactions.length === 0) {
    return <p className="text-sm text-slate-600">No customer names, users, emails, hosts or IP addresses were found in the session&apos;s facts.</p>;
  }
  return (
    <ul className="space-y-2" aria-label="Redacted details">
      {redactions.map((item) => {
        const id = `keep-${item.placeholder.replace(/\W+/g, "-")}`;
        return (
          <li key={item.placeholder} className="flex items-center justify-between gap-3 text-sm">
            <label htmlFor={id} className="min-w-0">
              <span className="font-mono text-slate-700">{item.placeholder}</span>
              <span className="block truncate text-slate-600" title={item.value}>
                {KIND_LABEL[item.kind]}: {item.value}
              </span>
            </label>
            <span className="flex shrink-0 items-center gap-2 text-slate-600">
              Keep
              <Switch id={id} checked={item.keep} disabled={disabled} onCheckedChange={(checked) => onToggle(item.placeholder, checked)} aria-label={`Keep ${item.value} in the article`} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
