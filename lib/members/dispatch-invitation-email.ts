import { dispatchDeliveries, runInBackground } from "@/lib/notifications/dispatcher";

/** Sends a committed invitation email without holding up the answer; the sweeper retries a failure. */
export function dispatchInvitationEmail(deliveryId: string): void {
  runInBackground("members.invitation_dispatch_failed", async () => {
    await dispatchDeliveries([deliveryId]);
  });
}
