import Link from "next/link";
import { Archive, History } from "lucide-react";
import type { TemplateDetail } from "@/lib/scripts/templates/template-view";

const notice = "flex items-start gap-2 rounded-lg border px-3 py-2 text-sm";

/** Why the page is read-only: an archived template, or an older version than the current one. */
export function TemplateNotices({ template, latest }: { template: TemplateDetail; latest: number }) {
  return (
    <>
      {template.archived_at && (
        <p role="status" className={`${notice} border-amber-200 bg-amber-50 text-amber-900`}>
          <Archive aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            Archived on {new Date(template.archived_at).toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" })}. It is no longer in
            the library or offered to the chat; it stays readable so past runs and the notes that cite it keep their meaning.
          </span>
        </p>
      )}
      {template.version !== latest && (
        <p role="status" className={`${notice} border-indigo-200 bg-indigo-50 text-indigo-900`}>
          <History aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            You are reading version {template.version} of {latest}, read-only.{" "}
            <Link href={`/scripts/templates/${template.id}`} className="font-medium underline">
              Open the current version
            </Link>
            {template.archived_at ? "." : " to generate a script."}
          </span>
        </p>
      )}
    </>
  );
}
