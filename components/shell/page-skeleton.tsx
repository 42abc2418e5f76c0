/**
 * Skeleton while a signed-in page loads; the shell around it stays in place. Each page folder
 * mounts it in its own loading.tsx: a group-level one would also wrap the session page, whose
 * not-found check must finish before anything streams (a streamed 404 answers 200).
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="space-y-2">
        <div className="h-7 w-48 rounded-md bg-slate-200 motion-safe:animate-pulse" />
        <div className="h-4 w-80 max-w-full rounded bg-slate-200 motion-safe:animate-pulse" />
      </div>
      <div aria-hidden className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="space-y-2 px-5 py-4">
            <div className="h-4 w-2/3 rounded bg-slate-200 motion-safe:animate-pulse" />
            <div className="h-3 w-1/3 rounded bg-slate-100 motion-safe:animate-pulse" />
          </div>
        ))}
      </div>
    </div>
  );
}
