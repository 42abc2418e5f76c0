import type { PsaTicket } from "@/lib/psa/provider";
import { Badge } from "@/components/ui/badge";

/** The ticket's PSA status by name; closed statuses read green. */
export function TicketStatusBadge({ ticket }: { ticket: Pick<PsaTicket, "status" | "closed"> }) {
  if (!ticket.status) return <Badge>No status</Badge>;
  return (
    <Badge tone={ticket.closed ? "green" : "blue"} data-testid="ticket-status">
      {ticket.status.name}
    </Badge>
  );
}
