import type { ReactNode } from "react";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { focusRing } from "@/components/ui/focus-ring";
import { cn } from "@/components/ui/cn";

type Props = { title: string; clearHref: string; children?: ReactNode };

/** A search or filter that matched nothing (not an empty list): says so and offers the way back. */
export function NoMatches({ title, clearHref, children }: Props) {
  return (
    <EmptyState icon={SearchX} title={title}>
      {children}{" "}
      <Link href={clearHref} className={cn("rounded font-medium text-indigo-700 hover:underline", focusRing)}>
        Clear filters
      </Link>
    </EmptyState>
  );
}
