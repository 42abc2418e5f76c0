"use client";

import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TemplateVersionSummary } from "@/lib/scripts/templates/template-view";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";

type Props = { templateId: string; version: number; versions: TemplateVersionSummary[] };

const dateOf = (value: Date | string) => new Date(value).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

/** Picks which version of the template the page shows; older versions open read-only (`?version=N`). */
export function VersionPicker({ templateId, version, versions }: Props) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const latest = versions[0]?.version ?? version;
  const options = versions.map((entry) => ({
    value: String(entry.version),
    label: `Version ${entry.version}${entry.version === latest ? " (current)" : ""} · ${dateOf(entry.created_at)}${entry.created_by ? ` · ${entry.created_by.name}` : ""}`,
  }));
  function choose(value: string) {
    const chosen = Number(value);
    const href = chosen === latest ? `/scripts/templates/${templateId}` : `/scripts/templates/${templateId}?version=${chosen}`;
    startTransition(() => router.push(href));
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Version
      </label>
      <NativeSelect id={id} options={options} value={String(version)} onChange={(event) => choose(event.target.value)} disabled={versions.length < 2 || pending} wrapperClassName="w-72 max-w-full" />
      {pending && <Spinner />}
    </div>
  );
}
