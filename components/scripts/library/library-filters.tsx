"use client";

import { useRef } from "react";
import Form from "next/form";
import Link from "next/link";
import { Search } from "lucide-react";
import type { CategoryView } from "@/lib/scripts/templates/categories";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/native-select";
import { textControl } from "@/components/ui/text-input";

type Props = { q: string; categoryId: string; categories: CategoryView[] };

/**
 * Search (name, description and body) and the category filter, as a GET form: the URL holds the
 * state (`?q=&category=`), Enter or Search applies the text, choosing a category applies at once.
 */
export function LibraryFilters({ q, categoryId, categories }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const options = [
    { value: "", label: "All categories" },
    ...categories.map((category) => ({ value: category.id, label: `${category.name} (${category.template_count})` })),
  ];
  return (
    <Form ref={formRef} action="/scripts" role="search" aria-label="Templates" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="library-q" className="block text-sm font-medium text-slate-700">
          Search templates
        </label>
        <div className="relative mt-1">
          <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
          <input
            id="library-q"
            name="q"
            type="search"
            data-shortcut-search
            defaultValue={q}
            key={q}
            placeholder="Name, description or script text"
            autoComplete="off"
            maxLength={200}
            className={cn(textControl, "h-9 pl-8")}
          />
        </div>
      </div>
      <div className="sm:w-64">
        <label htmlFor="library-category" className="block text-sm font-medium text-slate-700">
          Category
        </label>
        <NativeSelect
          id="library-category"
          name="category"
          options={options}
          defaultValue={categoryId}
          key={categoryId}
          onChange={() => formRef.current?.requestSubmit()}
          wrapperClassName="mt-1"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {(q || categoryId) && (
          <Button asChild variant="ghost">
            <Link href="/scripts">Clear</Link>
          </Button>
        )}
      </div>
    </Form>
  );
}
