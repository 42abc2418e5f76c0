"use client";

import { useRef } from "react";
import Form from "next/form";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/native-select";
import { textControl } from "@/components/ui/text-input";

const STATUS_OPTIONS = [
  { value: "", label: "Drafts and published" },
  { value: "published", label: "Published" },
  { value: "draft", label: "Drafts" },
];

/** Search (title and body) and the status filter, as a GET form: the URL holds `?q=&status=`. */
export function KbSearchForm({ q, status }: { q: string; status: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form ref={formRef} action="/knowledge" role="search" aria-label="Knowledge base" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="kb-q" className="block text-sm font-medium text-slate-700">
          Search articles
        </label>
        <div className="relative mt-1">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
          <input id="kb-q" name="q" type="search" data-shortcut-search defaultValue={q} key={q} placeholder="Symptom, cause or fix" autoComplete="off" maxLength={200} className={cn(textControl, "h-9 pl-8")} />
        </div>
      </div>
      <div className="sm:w-56">
        <label htmlFor="kb-status" className="block text-sm font-medium text-slate-700">
          Status
        </label>
        <NativeSelect id="kb-status" name="status" options={STATUS_OPTIONS} defaultValue={status} key={status} onChange={() => formRef.current?.requestSubmit()} wrapperClassName="mt-1" />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </Form>
  );
}
