"use client";

import { useEffect } from "react";
import { RotateCcw, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = { error: unknown; retry: () => void };

/**
 * Unexpected failures while rendering a signed-in page. In production Next replaces server
 * error messages with a generic one (plus a digest to find it in the logs), so show both.
 */
export default function AppError({ error, retry }: Props) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const message = error instanceof Error && error.message ? error.message : "Something went wrong.";
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-xl border border-red-200 bg-white p-6 shadow-sm">
      <div className="flex items-start gap-3">
        <TriangleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-red-600" />
        <div className="min-w-0">
          <h1 className="text-base font-semibold text-slate-900">This page could not be loaded</h1>
          <p className="mt-1 text-sm break-words text-slate-700">{message}</p>
          {digest && <p className="mt-1 text-xs text-slate-500">Reference: {digest}</p>}
          <Button className="mt-4" variant="secondary" onClick={() => retry()}>
            <RotateCcw aria-hidden className="size-4" />
            Try again
          </Button>
        </div>
      </div>
    </div>
  );
}
