import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readPage } from "@/lib/lists/paging";
import { dispatchDeliveries } from "@/lib/notifications/dispatcher";

export const deliveryStatuses = ["pending", "sent", "failed", "dead"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const DELIVERY_PAGE_SIZE = 20;

/** F9: `GET /notifications/deliveries?status=&page=&limit=` (1-based pages of `limit`). */
export const listDeliveriesInput = z.object({
  status: z.enum(deliveryStatuses, "Status is pending, sent, failed or dead.").optional(),
  page: z.coerce.number("The page is a whole number.").int("The page is a whole number.").min(1, "Pages start at 1.").max(10_000, "The page is at most 10,000.").default(1),
  limit: z.coerce.number("Limit is a whole number.").int("Limit is a whole number.").min(1, "Limit is at least 1.").max(200, "Limit is at most 200.").default(DELIVERY_PAGE_SIZE),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;

/** F9: `POST /notifications/deliveries/:deliveryId/retry`. */
export const retryDeliveryInput = z.object({ deliveryId: z.uuid("Delivery ids are UUIDs.") });
export type RetryDeliveryInput = z.infer<typeof retryDeliveryInput>;

const deliverySelect = {
  id: true,
  channel: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
  recipientEmail: true,
  recipient: { select: { name: true, email: true } },
  handoff: { select: { id: true, session: { select: { id: true, title: true } } } },
} satisfies Prisma.NotificationDeliverySelect;

type DeliveryRecord = Prisma.NotificationDeliveryGetPayload<{ select: typeof deliverySelect }>;

/** One delivery as the admin view shows it; recipient fields are null for Slack and Teams. */
export type DeliveryView = ReturnType<typeof toView>;
export type DeliveryCounts = Record<DeliveryStatus, number>;

function toView(row: DeliveryRecord) {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
    recipient_name: row.recipient?.name ?? null,
    // An invitation is mailed to someone who is not a user yet: the address is on the row.
    recipient_email: row.recipient?.email ?? row.recipientEmail ?? null,
    handoff_id: row.handoff?.id ?? null,
    session_id: row.handoff?.session.id ?? null,
    session_title: row.handoff?.session.title ?? null,
    // A delivery that is done has no next attempt, whatever the column still holds.
    next_attempt_at: row.status === "pending" || row.status === "failed" ? row.nextAttemptAt : null,
    sent_at: row.sentAt,
    created_at: row.createdAt,
  };
}

/** One page of the delivery log, with the total matching it and the account's count per status. */
export type DeliveryLogPage = { deliveries: DeliveryView[]; counts: DeliveryCounts; total: number; page: number; page_size: number };

/**
 * F9: one page of the viewer's account's delivery records, newest first (optionally one status),
 * with how many match in all and the number of records per status across the whole account. A
 * page past the end answers with the last page. Callers gate it to owners and admins.
 */
export async function listDeliveries(viewer: Viewer, input: ListDeliveriesInput = {}): Promise<DeliveryLogPage> {
  const { status, page, limit } = listDeliveriesInput.parse(input);
  const where = { accountId: viewer.accountId, ...(status ? { status } : {}) };
  const [found, groups] = await Promise.all([
    readPage({
      page,
      pageSize: limit,
      count: () => db.notificationDelivery.count({ where }),
      find: ({ skip, take }) =>
        db.notificationDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take, select: deliverySelect }),
    }),
    db.notificationDelivery.groupBy({ by: ["status"], where: { accountId: viewer.accountId }, _count: { _all: true } }),
  ]);
  const counts: DeliveryCounts = { pending: 0, sent: 0, failed: 0, dead: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return { deliveries: found.items.map(toView), counts, total: found.total, page: found.page, page_size: found.pageSize };
}

/**
 * F9: puts a failed or dead delivery back in the outbox (pending, due now), audited as
 * `delivery.retried` in the same transaction, and sends it at once through the dispatcher after
 * commit; resolves to the record as it stands afterwards (sent, or failed again with the new
 * error). Throws not_found for another account's delivery, conflict unless it is failed or dead.
 */
export async function retryDelivery(viewer: Viewer, deliveryId: string): Promise<DeliveryView> {
  const mine = { id: deliveryId, accountId: viewer.accountId };
  await db.$transaction(
    async (tx) => {
      const current = await tx.notificationDelivery.findFirst({ where: mine, select: { status: true, attempts: true, lastError: true } });
      if (!current) throw notFound("Delivery");
      const retryable = current.status === "failed" || current.status === "dead";
      // The status guard again in the write: a dispatcher that moved it since the read wins.
      const reset = retryable
        ? await tx.notificationDelivery.updateMany({ where: { ...mine, status: current.status }, data: { status: "pending", nextAttemptAt: new Date() } })
        : { count: 0 };
      if (!retryable) throw conflict(`Only failed or dead deliveries can be retried; this one is ${current.status}. Reload to see its current state.`);
      if (reset.count === 0) throw conflict("This delivery changed while you were looking at it. Reload to see its current state.");
      await recordAudit(
        viewer,
        {
          action: "delivery.retried",
          targetType: "notification_delivery",
          targetId: deliveryId,
          before: { status: current.status, attempts: current.attempts, last_error: current.lastError },
          after: { status: "pending" },
        },
        tx,
      );
    },
    { timeout: 10_000 },
  );
  await dispatchDeliveries([deliveryId]);
  return toView(await db.notificationDelivery.findFirstOrThrow({ where: mine, select: deliverySelect }));
}
