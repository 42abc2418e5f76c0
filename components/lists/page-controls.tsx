"use client";

import type { MouseEvent, ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** Names the navigation landmark, e.g. "Sessions pages". */
  label: string;
  onPageChange: (page: number) => void;
  /** When given, Previous and Next are links to these URLs (so a page also opens in a new tab). */
  hrefFor?: (page: number) => string;
  pending?: boolean;
};

// A fixed locale, so the server's and the browser's "1,234" agree on hydration.
const formatCount = (count: number) => count.toLocaleString("en-US");

/** "Showing 26–50 of 1,234" with Previous and Next. Nothing when there is nothing to show. */
export function PageControls({ page, pageSize, total, label, onPageChange, hrefFor, pending }: Props) {
  if (total === 0) return null;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);

  const control = (target: number, content: ReactNode, rel: "prev" | "next") => {
    if (target < 1 || target > pageCount) {
      return (
        <Button variant="secondary" size="sm" disabled>
          {content}
        </Button>
      );
    }
    if (!hrefFor) {
      return (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => onPageChange(target)}>
          {content}
        </Button>
      );
    }
    const follow = (event: MouseEvent<HTMLAnchorElement>) => {
      // A modified click opens the link the browser's way (new tab, new window).
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      onPageChange(target);
    };
    return (
      <Button asChild variant="secondary" size="sm">
        <Link href={hrefFor(target)} onClick={follow} rel={rel}>
          {content}
        </Link>
      </Button>
    );
  };

  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        Showing{" "}
        <span className="font-medium text-slate-900 tabular-nums">
          {formatCount(from)}–{formatCount(to)}
        </span>{" "}
        of <span className="font-medium text-slate-900 tabular-nums">{formatCount(total)}</span>
        {pageCount > 1 && (
          <span className="sr-only">
            , page {page} of {pageCount}
          </span>
        )}
      </p>
      {pageCount > 1 && (
        <div className="flex gap-2">
          {control(
            page - 1,
            <>
              <ChevronLeft aria-hidden className="size-4" />
              Previous
            </>,
            "prev",
          )}
          {control(
            page + 1,
            <>
              Next
              <ChevronRight aria-hidden className="size-4" />
            </>,
            "next",
          )}
        </div>
      )}
    </nav>
  );
}
