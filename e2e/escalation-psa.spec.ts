import { SIM_STATUS } from "../tests/fakes/connectwise/seed";
import { SIM_TICKET_SEEDS } from "../tests/fakes/connectwise/seed-tickets";
import { enqueueReplies, expect, test } from "./fixtures";
import { simulatorTicket } from "./support/connectwise";
import { escalateOpenSession } from "./support/escalate";

/**
 * F1/E4/G7 end to end: the junior escalates a session linked to a ConnectWise ticket; the package
 * lands on the ticket in the simulator as an internal-analysis note only (never customer-visible:
 * no resolution or discussion flag), the ticket moves to the demo tenant's escalated status
 * (Help Desk "Escalated", seeded as cw_escalated_status_id), and the page says so; on reload too.
 *
 * Ticket 48227 ("Backup job failed on file server", Help Desk) is this spec's alone: no other spec
 * and no seeded session uses it. The simulator outlives a rerun against a reused server, so the
 * test first moves the ticket back to New through the app's own API, and finds its note by a tag
 * unique to this run.
 */

const TICKET = SIM_TICKET_SEEDS.find((ticket) => ticket.id === 48227)!;
const TICKET_ID = String(TICKET.id);
const uniqueTag = () => `ep-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

type SimNote = { text: string; internalAnalysisFlag?: boolean; resolutionFlag?: boolean; detailDescriptionFlag?: boolean };

test("escalating a linked session posts the package to the ticket as an internal-analysis note and moves it", async ({ pageAs, requestAs, request }, testInfo) => {
  const tag = uniqueTag();
  const api = await requestAs("junior");
  const reset = await api.patch(`/api/v1/psa/tickets/${TICKET_ID}/status`, { data: { status_id: String(SIM_STATUS.helpDesk.new) } });
  expect(reset.status(), await reset.text()).toBe(200);

  // A session linked to the ticket, as "Start pilot session" from the Tickets page makes one.
  const created = await api.post("/api/v1/ai-sessions", { data: { title: `Backup VSS errors ${tag}`, psa_ticket_id: TICKET_ID } });
  expect(created.status(), await created.text()).toBe(201);
  const { id: sessionId } = (await created.json()) as { id: string };

  const pkg = [
    "## Problem",
    `Last night's backup of FS01 failed with VSS errors (${tag}).`,
    "## What we've confirmed",
    "- The VSS writers for SQL are in a failed state.",
    "## What we've tried",
    "- Restarted the Volume Shadow Copy service.",
    "## Current hypothesis",
    "The SQL VSS writer is stuck after the last cumulative update.",
    "## Suggested next steps",
    "- Restart the SQL Writer service in a maintenance window and rerun the job.",
  ].join("\n");
  await enqueueReplies(request, [{ text: pkg, match: tag }]);

  const page = await pageAs("junior");
  await page.goto(`/pilot/${sessionId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Backup VSS errors ${tag}` })).toBeVisible();
  await escalateOpenSession(page, `Needs someone with SQL maintenance rights (${tag}).`);

  // The page says where the package went and that the status change was verified.
  const status = page.getByTestId("psa-post-status");
  await expect(status).toHaveText(`Posted to ConnectWise ticket #${TICKET_ID} · status moved to Escalated (verified)`);
  await page.screenshot({ path: testInfo.outputPath("escalated-posted.png"), fullPage: true });

  // In the simulator: one internal-analysis note with the package, not customer-visible, and the status moved.
  await expect
    .poll(async () => {
      const { ticket, notes } = await simulatorTicket(request, TICKET_ID);
      const ours = (notes as SimNote[]).filter((note) => note.text.includes(tag));
      return {
        status: (ticket.status as { id: number } | undefined)?.id,
        notes: ours.map((note) => ({ internal: note.internalAnalysisFlag, resolution: note.resolutionFlag, discussion: note.detailDescriptionFlag })),
      };
    }, { message: `the escalation package on ticket ${TICKET_ID} in the simulator, and its status` })
    .toEqual({ status: SIM_STATUS.helpDesk.escalated, notes: [{ internal: true, resolution: false, discussion: false }] });
  const { notes } = await simulatorTicket(request, TICKET_ID);
  const note = (notes as SimNote[]).find((candidate) => candidate.text.includes(tag))!;
  expect(note.text.replace(/\s+/g, " ")).toContain("## Suggested next steps");

  // Read again from the server on reload.
  await page.reload();
  await expect(page.getByTestId("waiting-for-pickup")).toBeVisible();
  await expect(page.getByTestId("psa-post-status")).toHaveText(`Posted to ConnectWise ticket #${TICKET_ID} · status moved to Escalated (verified)`);
});
