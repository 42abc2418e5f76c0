import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dispatchDeliveries } from "@/lib/notifications/dispatcher";

export const deliveryStatuses = ["pending", "sent", "failed", "dead"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** F9: `GET /notifications/deliveries?status=&limit=`. */
export const listDeliveriesInput = z.object({
  status: z.enum(deliveryStatuses, "Status is pending, sent, failed or dead.").optional(),
  limit: z.coerce.number("Limit is a whole number.").int("Limit is a whole number.").min(1, "Limit is at least 1.").max(200, "Limit is at most 200.").default(50),
});
export type ListDeliveriesInput = z.infer<typeof listDeliveriesInput>;

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
    recipient_email: row.recipient?.email ?? null,
    handoff_id: row.handoff?.id ?? null,
    session_id: row.handoff?.session.id ?? null,
    session_title: row.handoff?.session.title ?? null,
    // A delivery that is done has no next attempt, whatever the column still holds.
    next_attempt_at: row.status === "pending" || row.status === "failed" ? row.nextAttemptAt : null,
    sent_at: row.sentAt,
    created_at: row.createdAt,
  };
}

/**
 * F9: the viewer's account's delivery records, newest first (optionally one status), with the
 * number of records per status across the whole account. Callers gate it to owners and admins.
 */
export async function listDeliveries(viewer: Viewer, input: ListDeliveriesInput): Promise<{ deliveries: DeliveryView[]; counts: DeliveryCounts }> {
  const [rows, groups] = await Promise.all([
    db.notificationDelivery.findMany({
      where: { accountId: viewer.accountId, ...(input.status ? { status: input.status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
      select: deliverySelect,
    }),
    db.notificationDelivery.groupBy({ by: ["status"], where: { accountId: viewer.accountId }, _count: { _all: true } }),
  ]);
  const counts: DeliveryCounts = { pending: 0, sent: 0, failed: 0, dead: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return { deliveries: rows.map(toView), counts };
}

/**
 * F9: puts a failed or dead delivery back in the outbox (pending, due now) and sends it at once
 * through the dispatcher; resolves to the record as it stands afterwards (sent, or failed again
 * with the new error). Throws not_found for another account's delivery, conflict unless it is
 * failed or dead.
 */
export async function retryDelivery(viewer: Viewer, deliveryId: string): Promise<DeliveryView> {
  const mine = { id: deliveryId, accountId: viewer.accountId };
  const reset = await db.notificationDelivery.updateMany({
    where: { ...mine, status: { in: ["failed", "dead"] } },
    data: { status: "pending", nextAttemptAt: new Date() },
  });
  if (reset.count === 0) {
    const current = await db.notificationDelivery.findFirst({ where: mine, select: { status: true } });
    if (!current) throw notFound("Delivery");
    throw conflict(`Only failed or dead deliveries can be retried; this one is ${current.status}. Reload to see its current state.`);
  }
  await dispatchDeliveries([deliveryId]);
  return toView(await db.notificationDelivery.findFirstOrThrow({ where: mine, select: deliverySelect }));
}
