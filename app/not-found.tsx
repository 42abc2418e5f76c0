import type { Metadata } from "next";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

/** Unknown pages, and objects this viewer can't see (reported as missing on purpose, SPEC A2). */
export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] items-center justify-center p-6">
      <div className="max-w-md text-center">
        <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-slate-100">
          <SearchX aria-hidden className="size-6 text-slate-500" />
        </span>
        <h1 className="mt-4 text-xl font-semibold text-slate-900">We couldn&apos;t find that</h1>
        <p className="mt-2 text-sm text-slate-600">
          The page or session doesn&apos;t exist, or it belongs to a different account. Check the link, or go back to your sessions.
        </p>
        <Button asChild className="mt-6">
          <Link href="/pilot">Go to my sessions</Link>
        </Button>
      </div>
    </div>
  );
}
