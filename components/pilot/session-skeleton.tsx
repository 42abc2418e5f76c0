const bar = "rounded bg-slate-200 motion-safe:animate-pulse";

/** Skeleton of the session page while its content loads: header, chat on the left, task lane on the right. */
export function SessionSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-5">
      <span className="sr-only">Loading the session…</span>
      <div aria-hidden className="space-y-3">
        <div className={`h-4 w-28 ${bar}`} />
        <div className={`h-7 w-96 max-w-full ${bar}`} />
        <div className={`h-4 w-72 max-w-full ${bar}`} />
      </div>
      <div aria-hidden className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(19rem,23rem)]">
        <div className="flex h-[28rem] flex-col justify-end gap-4 rounded-xl border border-slate-200 bg-white p-5 lg:h-[calc(100dvh-13rem)]">
          <div className={`ml-auto h-10 w-1/2 ${bar}`} />
          <div className={`h-16 w-2/3 ${bar}`} />
          <div className={`mt-4 h-11 w-full ${bar}`} />
        </div>
        <div className="space-y-4">
          {["h-28", "h-24", "h-24", "h-32"].map((height, index) => (
            <div key={index} className={`${height} rounded-xl border border-slate-200 bg-white p-4`}>
              <div className={`h-4 w-32 ${bar}`} />
              <div className={`mt-3 h-3 w-full ${bar}`} />
              <div className={`mt-2 h-3 w-2/3 ${bar}`} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
