import { CheckCircle2, CircleAlert, CircleDashed } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { PsaConnectionStatus } from "@/lib/psa/connection-view";

/** How the last "Test connection" went: a badge in words (never colour alone), when, and the PSA's message. */
export function PsaTestResult({ status }: { status: PsaConnectionStatus }) {
  const { last_test_ok: ok, last_tested_at: testedAt, last_test_message: message } = status;
  return (
    <div className="min-w-0" data-testid="psa-test-result">
      <div className="flex flex-wrap items-center gap-2">
        {ok === true && (
          <Badge tone="green">
            <CheckCircle2 aria-hidden className="size-3.5" /> Connected
          </Badge>
        )}
        {ok === false && (
          <Badge tone="red">
            <CircleAlert aria-hidden className="size-3.5" /> Test failed
          </Badge>
        )}
        {ok === null && (
          <Badge tone="neutral">
            <CircleDashed aria-hidden className="size-3.5" /> Not tested yet
          </Badge>
        )}
        {testedAt && (
          <span className="text-xs text-slate-500">
            Tested <RelativeTime date={testedAt} />
          </span>
        )}
      </div>
      {message && <p className="mt-1 text-sm break-words text-slate-700">{message}</p>}
    </div>
  );
}
