import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openSecret } from "@/lib/crypto/secret-box";
import { connectAccountToSimulator, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { createTenant } from "@/tests/helpers/tenant";
import { basicAuth, callSim } from "./sim-client";
import { SIM_API_MEMBER, SIM_MEMBERS, SIM_SCHEDULE_TYPES, SIM_TICKETS } from "./simulator";

const simulator = installConnectWiseSimulator();
const other = installConnectWiseSimulator();
beforeEach(() => simulator().reset());

const OUTLOOK = SIM_TICKETS.outlookPasswordPrompts;
const notesPath = `/service/tickets/${OUTLOOK}/notes`;
const resourcesOf = async (id: number) => (await callSim(simulator(), "GET", `/service/tickets/${id}`, { query: { fields: "resources" } })).body.resources;

describe("ticket notes", () => {
  it("refuses a note with no display flag, in CW's words", async () => {
    for (const body of [{ text: "hello" }, { text: "hello", detailDescriptionFlag: false, internalAnalysisFlag: false, resolutionFlag: false }]) {
      const response = await callSim(simulator(), "POST", notesPath, { body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: "InvalidObject", message: "serviceNote object is invalid", errors: [{ message: "Please choose where to display the notes in order to save this record." }] });
    }
    expect(simulator().notes(OUTLOOK)).toHaveLength(2);
  });

  it("stores a note with the API member as author, keeping newlines", async () => {
    const text = "## Problem\nOutlook prompts.\n\n## Fix\nCleared credentials.";
    const response = await callSim(simulator(), "POST", notesPath, { body: { text, resolutionFlag: true, detailDescriptionFlag: true } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ticketId: OUTLOOK, text, resolutionFlag: true, detailDescriptionFlag: true, internalAnalysisFlag: false, member: { id: SIM_API_MEMBER.id, identifier: SIM_API_MEMBER.identifier }, createdBy: SIM_API_MEMBER.identifier, dateCreated: expect.stringMatching(/Z$/) });
    const listed = (await callSim(simulator(), "GET", notesPath, { query: { conditions: "resolutionFlag = true" } })).body;
    expect(listed.map((note: { id: number }) => note.id)).toEqual([response.body.id]);
    expect((await callSim(simulator(), "GET", `${notesPath}/${response.body.id}`)).body.text).toBe(text);
    expect((await callSim(simulator(), "GET", `${notesPath}/count`)).body).toEqual({ count: 3 });
  });

  it("requires text, a real ticket and a known member", async () => {
    expect((await callSim(simulator(), "POST", notesPath, { body: { text: " ", internalAnalysisFlag: true } })).body.errors[0].field).toBe("text");
    expect((await callSim(simulator(), "POST", "/service/tickets/1/notes", { body: { text: "x", internalAnalysisFlag: true } })).status).toBe(404);
    expect((await callSim(simulator(), "POST", notesPath, { body: { text: "x", internalAnalysisFlag: true, member: { identifier: "ghost" } } })).body.errors[0].field).toBe("member");
    expect((await callSim(simulator(), "POST", notesPath, { body: { text: "x", internalAnalysisFlag: true, member: { identifier: "ssenior" } } })).body.member.identifier).toBe("ssenior");
  });

  it("serves allNotes for GET only", async () => {
    const all = await callSim(simulator(), "GET", `/service/tickets/${OUTLOOK}/allNotes`);
    expect(all.body[0]).toMatchObject({ noteType: "TicketNote", ticket: { id: OUTLOOK } });
    expect((await callSim(simulator(), "POST", `/service/tickets/${OUTLOOK}/allNotes`, { body: { text: "x", internalAnalysisFlag: true } })).status).toBe(405);
  });
});

describe("schedule entries make up resources", () => {
  it("adds a co-assignee with a type-S entry and removes it with DELETE 204", async () => {
    const created = await callSim(simulator(), "POST", "/schedule/entries", { body: { objectId: OUTLOOK, type: { identifier: "S" }, member: { identifier: "ssenior" }, allowScheduleConflictsFlag: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ objectId: OUTLOOK, member: { id: SIM_MEMBERS.ssenior.id }, type: { id: SIM_SCHEDULE_TYPES.service.id, identifier: "S" }, doneFlag: false });
    expect(await resourcesOf(OUTLOOK)).toBe("jjunior, ssenior");

    const found = await callSim(simulator(), "GET", "/schedule/entries", { query: { conditions: `objectId = ${OUTLOOK} and type/identifier = "S" and member/identifier = "ssenior"` } });
    expect(found.body.map((entry: { id: number }) => entry.id)).toEqual([created.body.id]);
    const deleted = await callSim(simulator(), "DELETE", `/schedule/entries/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(await resourcesOf(OUTLOOK)).toBe("jjunior");
    expect((await callSim(simulator(), "DELETE", `/schedule/entries/${created.body.id}`)).status).toBe(404);
  });

  it("drops a done entry from resources and can move an entry to another member", async () => {
    const [entry] = simulator().scheduleEntries(SIM_TICKETS.vpnDisconnects) as { id: number }[];
    expect((await callSim(simulator(), "PATCH", `/schedule/entries/${entry!.id}`, { body: [{ op: "replace", path: "doneFlag", value: true }] })).body.doneFlag).toBe(true);
    expect(await resourcesOf(SIM_TICKETS.vpnDisconnects)).toBe("jjunior");
    await callSim(simulator(), "PATCH", `/schedule/entries/${entry!.id}`, { body: [{ op: "replace", path: "doneFlag", value: false }, { op: "replace", path: "member/identifier", value: "tlee" }] });
    expect(await resourcesOf(SIM_TICKETS.vpnDisconnects)).toBe("tlee, jjunior");
  });

  it("lists a ticket's entries as references only, and the schedule types", async () => {
    const refs = (await callSim(simulator(), "GET", `/service/tickets/${SIM_TICKETS.vpnDisconnects}/scheduleentries`)).body;
    expect(refs).toHaveLength(2);
    expect(Object.keys(refs[0]).sort()).toEqual(["_info", "id", "name"]);
    const types = (await callSim(simulator(), "GET", "/schedule/types", { query: { conditions: 'identifier = "S"' } })).body;
    expect(types).toEqual([expect.objectContaining({ id: 4, identifier: "S" })]);
  });

  it("refuses an entry without member or type, with a wrong type, or for a missing ticket", async () => {
    const post = (body: unknown) => callSim(simulator(), "POST", "/schedule/entries", { body });
    expect((await post({ objectId: OUTLOOK, type: { id: 4 } })).body.errors[0]).toMatchObject({ field: "member" });
    expect((await post({ objectId: OUTLOOK, member: { identifier: "tlee" } })).body.errors[0]).toMatchObject({ field: "type" });
    expect((await post({ objectId: OUTLOOK, member: { identifier: "ghost" }, type: { id: 4 } })).body.errors[0]).toMatchObject({ code: "NotFound", field: "member" });
    const wrongType = await post({ objectId: OUTLOOK, member: { identifier: "tlee" }, type: { id: SIM_SCHEDULE_TYPES.activity.id } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toEqual({ code: "InvalidObject", message: "schedule object is invalid", errors: [{ code: "NotFound", message: `Activity ${OUTLOOK} not found`, resource: "schedule", field: "objectId" }] });
    expect((await post({ objectId: 1, member: { identifier: "tlee" }, type: { identifier: "S" } })).body.errors[0]).toMatchObject({ message: "Service Ticket 1 not found", field: "objectId" });
    expect(await resourcesOf(OUTLOOK)).toBe("jjunior");
  });
});

describe("tests/helpers/psa", () => {
  it("gives each installed simulator its own credentials, refused by the other", async () => {
    const [a, b] = [simulator(), other()];
    expect(a.credentials.privateKey).not.toBe(b.credentials.privateKey);
    const { companyId, publicKey, privateKey } = a.credentials;
    expect((await callSim(b, "GET", "/system/info", { auth: basicAuth(companyId, publicKey, privateKey) })).status).toBe(401);
  });

  it("connects an account to a simulator with sealed keys", async () => {
    const tenant = await createTenant("PSA helper");
    const row = await connectAccountToSimulator(tenant.accountId, simulator());
    expect(row).toMatchObject({ accountId: tenant.accountId, siteUrl: simulator().url, companyId: simulator().credentials.companyId, clientId: simulator().credentials.clientId, isActive: true });
    expect(row).not.toHaveProperty("privateKeyEncrypted");
    const stored = await db.psaConnection.findUniqueOrThrow({ where: { accountId: tenant.accountId }, select: { publicKeyEncrypted: true, privateKeyEncrypted: true } });
    expect(stored.privateKeyEncrypted).not.toContain(simulator().credentials.privateKey);
    expect(openSecret(stored.privateKeyEncrypted)).toBe(simulator().credentials.privateKey);
    expect(openSecret(stored.publicKeyEncrypted)).toBe(simulator().credentials.publicKey);
    const replaced = await connectAccountToSimulator(tenant.accountId, other(), { privateKey: "wrong-key" });
    expect(replaced.siteUrl).toBe(other().url);
    const again = await db.psaConnection.findUniqueOrThrow({ where: { accountId: tenant.accountId }, select: { privateKeyEncrypted: true } });
    expect(openSecret(again.privateKeyEncrypted)).toBe("wrong-key");
  });
});
