import type { DeliveryLogPage, DeliveryView } from "@/lib/notifications/delivery-log";

export type DeliveryPage = DeliveryLogPage;

type WireDelivery = Omit<DeliveryView, "next_attempt_at" | "sent_at" | "created_at"> & {
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
};

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/** Reads page `page` of the delivery log; throws with the server's own message when it refuses. */
export async function fetchDeliveryPage(page: number, pageSize: number): Promise<DeliveryPage> {
  const response = await fetch(`/api/v1/notifications/deliveries?page=${page}&limit=${pageSize}`, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as
    | (Omit<DeliveryPage, "deliveries"> & { deliveries: WireDelivery[] })
    | { error?: { message?: string } }
    | null;
  if (!response.ok || !body || !("deliveries" in body)) {
    const message = body && "error" in body ? body.error?.message : undefined;
    throw new Error(message ?? `The deliveries could not be loaded (HTTP ${response.status}). Try again.`);
  }
  return {
    ...body,
    deliveries: body.deliveries.map((row) => ({
      ...row,
      next_attempt_at: toDate(row.next_attempt_at),
      sent_at: toDate(row.sent_at),
      created_at: new Date(row.created_at),
    })),
  };
}
