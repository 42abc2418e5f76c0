/** Skeleton while the Tickets page asks ConnectWise: the header, the filter bar and a few rows. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-5">
      <span className="sr-only">Loading tickets…</span>
      <div aria-hidden className="space-y-2">
        <div className="h-7 w-40 rounded-md bg-slate-200 motion-safe:animate-pulse" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200 motion-safe:animate-pulse" />
      </div>
      <div aria-hidden className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {[0, 1, 2, 3, 4].map((cell) => (
          <div key={cell} className="h-9 rounded-md bg-slate-200 motion-safe:animate-pulse" />
        ))}
      </div>
      <div aria-hidden className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {[0, 1, 2, 3, 4, 5].map((row) => (
          <div key={row} className="flex gap-4 px-5 py-4">
            <div className="h-4 w-16 rounded bg-slate-100 motion-safe:animate-pulse" />
            <div className="h-4 flex-1 rounded bg-slate-200 motion-safe:animate-pulse" />
            <div className="hidden h-4 w-32 rounded bg-slate-100 motion-safe:animate-pulse md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
