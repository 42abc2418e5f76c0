import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = { page: number; nextPage: number | null; onPage: (page: number) => void; disabled?: boolean };

/** Previous / Next through the PSA's pages; Next only when the server says there is a next page. */
export function TicketPagination({ page, nextPage, onPage, disabled }: Props) {
  if (page <= 1 && nextPage === null) return null;
  return (
    <nav aria-label="Ticket pages" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 sm:px-5">
      <Button variant="secondary" size="sm" disabled={disabled || page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft aria-hidden className="size-4" />
        Previous
      </Button>
      <span className="text-sm text-slate-600" aria-live="polite">
        Page {page}
      </span>
      <Button variant="secondary" size="sm" disabled={disabled || nextPage === null} onClick={() => nextPage && onPage(nextPage)}>
        Next
        <ChevronRight aria-hidden className="size-4" />
      </Button>
    </nav>
  );
}
