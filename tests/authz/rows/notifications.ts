import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ownerOrAdminOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";

/**
 * Notification delivery records (F9): owners and admins of the account only; tenant B's owner
 * addressing A's delivery gets 404 (A2). Each retry call gets a fresh delivery of tenant A. It is
 * a Slack delivery on an account without a Slack webhook, so the retry's send ends at once (dead,
 * "no longer configured") without touching the network.
 */
async function deliveryOfA(f: MatrixFixture, status: "failed" | "sent") {
  const delivery = await db.notificationDelivery.create({
    data: {
      accountId: f.a.accountId,
      channel: "slack",
      status,
      attempts: 1,
      lastError: status === "failed" ? "Slack answered 500: internal_error" : null,
      sentAt: status === "sent" ? new Date() : null,
      idempotencyKey: `matrix/${randomUUID()}/slack`,
      payload: { title: "Matrix", text: "Matrix delivery", link: "http://localhost:3000/pilot/x?pickup=true" },
    },
  });
  return { params: { deliveryId: delivery.id } };
}

const adminsOfA = (status: number): Expectations => ({ ...ownerOrAdminOnly(status), otherTenant: 404 });

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/notifications/deliveries": [
    { label: "first page", request: () => ({ query: { limit: "10" } }), expect: ownerOrAdminOnly(200) },
    { label: "a later page of one status", request: () => ({ query: { status: "failed", page: "2", limit: "5" } }), expect: ownerOrAdminOnly(200) },
  ],
  "POST /api/v1/notifications/deliveries/[deliveryId]/retry": [
    { label: "failed delivery", request: (f) => deliveryOfA(f, "failed"), expect: adminsOfA(200) },
    { label: "sent delivery", request: (f) => deliveryOfA(f, "sent"), expect: adminsOfA(409) },
  ],
};
