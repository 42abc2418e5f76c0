"use client";

import { useEffect, useState } from "react";
import { DeliveryTable } from "@/components/settings/delivery-table";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { PageControls } from "@/components/lists/page-controls";
import { fetchDeliveryPage, type DeliveryPage } from "@/components/settings/delivery-page-fetch";

type Props = { first: DeliveryPage };

type Request = { page: number; serial: number };
type Outcome = { request: Request; first: DeliveryPage; data?: DeliveryPage; error?: string };

/**
 * The delivery log a page at a time: the first page comes with Settings, later ones from
 * `GET /api/v1/notifications/deliveries?page=`. A Retry re-renders Settings with a new first page;
 * a later page on screen is then read again, so its rows show their new state too.
 */
export function DeliveryPages({ first }: Props) {
  const [request, setRequest] = useState<Request>({ page: 1, serial: 0 });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lastPage, setLastPage] = useState<DeliveryPage | null>(null);

  useEffect(() => {
    if (request.page === 1) return;
    let current = true;
    fetchDeliveryPage(request.page, first.page_size).then(
      (data) => {
        if (!current) return;
        setOutcome({ request, first, data });
        setLastPage(data);
      },
      (failure: unknown) => {
        if (!current) return;
        const error = failure instanceof Error ? failure.message : "The deliveries could not be loaded. Try again.";
        setOutcome({ request, first, error });
      },
    );
    return () => {
      current = false;
    };
  }, [request, first]);

  const onFirstPage = request.page === 1;
  const settled = onFirstPage || (outcome?.request === request && outcome.first === first);
  // While a page loads (or after it failed) the rows already on screen stay, dimmed.
  const shown = onFirstPage ? first : (lastPage ?? first);
  const error = !onFirstPage && settled ? outcome?.error : undefined;
  const open = (page: number) => setRequest((previous) => ({ page, serial: previous.serial + 1 }));

  return (
    <div className="space-y-3 pb-3">
      <div aria-busy={!settled} className={settled ? "transition-opacity" : "opacity-60 transition-opacity"}>
        <DeliveryTable deliveries={shown.deliveries} />
      </div>
      {error && <ErrorCallout>{error}</ErrorCallout>}
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <PageControls
            page={shown.page}
            pageSize={shown.page_size}
            total={shown.total}
            label="Delivery pages"
            pending={!settled}
            onPageChange={open}
          />
        </div>
        <p role="status" className="text-sm text-slate-600">
          {!settled && (
            <span className="inline-flex items-center gap-2">
              <Spinner />
              Loading deliveries…
            </span>
          )}
        </p>
      </div>
    </div>
  );
}
