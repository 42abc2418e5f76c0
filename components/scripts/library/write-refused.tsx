import Link from "next/link";
import { Lock } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown instead of a template form to someone who may read the library but not change it. */
export function WriteRefused({ title, reason, backHref }: { title: string; reason: string; backHref: string }) {
  return (
    <EmptyState icon={Lock} title={title}>
      <p>{reason}</p>
      <Link href={backHref} className="mt-2 inline-block font-medium text-indigo-700 hover:underline">
        Back
      </Link>
    </EmptyState>
  );
}
