import { beforeAll, describe, expect, it } from "vitest";
import { updatePreferences } from "@/lib/accounts/preferences";
import { db } from "@/lib/db";
import { queueDraft } from "@/lib/scripts/drafts/draft-fixtures";
import { getTemplatizeOffer } from "@/lib/scripts/drafts/templatize-offer";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let resolved: string;
beforeAll(async () => {
  a = await createTenant("Offer A");
  resolved = (await createSessionFor(a.engineer, { status: "resolved" })).id;
  await queueDraft(a.engineer, { sessionId: resolved, name: "First" });
  await queueDraft(a.engineer, { sessionId: resolved, name: "Second" });
  await queueDraft(a.engineer, { sessionId: resolved, name: "Done", status: "rejected" });
  await queueDraft(a.engineer, { name: "Elsewhere" });
});

const namesOf = (offer: { drafts: { name: string }[] }) => offer.drafts.map((draft) => draft.name);

describe("getTemplatizeOffer", () => {
  it("offers the resolved session's pending drafts, in the order they were drafted, to the engineer who worked it", async () => {
    const offer = await getTemplatizeOffer(viewerOf(a.engineer), resolved);
    expect(namesOf(offer)).toEqual(["First", "Second"]);
    expect(offer.can_opt_out).toBe(false);
  });

  it("offers them to a handler after a pickup, who may opt the team out when an admin", async () => {
    const picked = await createSessionFor(a.engineer, { status: "resolved" });
    await db.aiSession.update({ where: { id: picked.id }, data: { handlerId: a.admin.id } });
    await queueDraft(a.engineer, { sessionId: picked.id, name: "Picked" });
    expect(await getTemplatizeOffer(viewerOf(a.admin), picked.id)).toMatchObject({ can_opt_out: true, drafts: [{ name: "Picked" }] });
  });

  it("offers nothing before the session is resolved", async () => {
    const active = await createSessionFor(a.engineer, { status: "active" });
    await queueDraft(a.engineer, { sessionId: active.id });
    expect(namesOf(await getTemplatizeOffer(viewerOf(a.engineer), active.id))).toEqual([]);
  });

  it("is not_found for a session the viewer can't read", async () => {
    await expect(getTemplatizeOffer(viewerOf(a.owner), resolved)).rejects.toMatchObject({ code: "not_found" });
    const other = await createTenant("Offer B");
    await expect(getTemplatizeOffer(viewerOf(other.engineer), resolved)).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers nothing once the team turned the prompt off", async () => {
    await updatePreferences(viewerOf(a.owner), { templatize_prompt_enabled: false });
    expect(namesOf(await getTemplatizeOffer(viewerOf(a.engineer), resolved))).toEqual([]);
    await updatePreferences(viewerOf(a.owner), { templatize_prompt_enabled: true });
    expect(namesOf(await getTemplatizeOffer(viewerOf(a.engineer), resolved))).toEqual(["First", "Second"]);
  });
});
