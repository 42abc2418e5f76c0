import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/fakes/webhook-receiver";

// The test-only escape hatch, set before lib/env is first read: the local receiver is on loopback over http.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { sendChatWebhook } = await import("@/lib/notifications/webhooks");
const { postWebhookJson } = await import("@/lib/notifications/outbound-url");

const message = {
  title: "Ada escalated “Outlook <crashes> & hangs”",
  text: "Reason: needs a senior",
  link: "http://localhost:3000/pilot/abc?pickup=true",
};

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(() => receiver.reset());

describe("sendChatWebhook to Slack", () => {
  it("posts text and blocks with a button to the deep link", async () => {
    await sendChatWebhook("slack", receiver.urlFor("/slack/T1/B2/x"), message);
    const [request] = receiver.received("/slack/T1/B2/x");
    expect(request).toMatchObject({ method: "POST", answeredWith: 200 });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toEqual({
      text: `${message.title}: ${message.text} ${message.link}`,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "*Ada escalated “Outlook &lt;crashes&gt; &amp; hangs”*\nReason: needs a senior" },
          accessory: { type: "button", text: { type: "plain_text", text: "Open in FlowPilot" }, url: message.link, action_id: "open_in_flowpilot" },
        },
      ],
    });
  });

  it("throws Slack's own answer for a deleted hook (410 no_service)", async () => {
    receiver.failNext(1, "gone");
    await expect(sendChatWebhook("slack", receiver.urlFor("/slack/gone"), message)).rejects.toThrow("Slack answered 410: no_service");
  });

  it("throws with the status and the first 200 characters of a server error", async () => {
    receiver.failNext(1, { status: 500, body: "x".repeat(500) });
    const error = await sendChatWebhook("slack", receiver.urlFor("/slack/err"), message).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`Slack answered 500: ${"x".repeat(200)}`);
  });

  it("never follows a redirect", async () => {
    receiver.failNext(1, "redirect");
    await expect(sendChatWebhook("slack", receiver.urlFor("/slack/moved"), message)).rejects.toThrow(
      "Slack answered 302 with a redirect, which is never followed; check the webhook URL.",
    );
    expect(receiver.received("/redirected")).toEqual([]);
    expect(receiver.received()).toHaveLength(1);
  });

  it("refuses a URL that isn't a Slack webhook without sending anything", async () => {
    await expect(sendChatWebhook("slack", "http://hooks.slack.com/services/T1/B2/x", message)).rejects.toThrow(
      "Refused to send to the Slack webhook: Webhook URLs must start with https://.",
    );
    await expect(sendChatWebhook("slack", "https://contoso.webhook.office.com/webhookb2/x", message)).rejects.toThrow(
      /paste it into the Microsoft Teams field/,
    );
    expect(receiver.received()).toEqual([]);
  });

  it("says so when nothing listens there", async () => {
    const closed = await startWebhookReceiver();
    const url = closed.urlFor("/slack/x");
    await closed.close();
    await expect(sendChatWebhook("slack", url, message)).rejects.toThrow(/Could not reach the Slack webhook: .*ECONNREFUSED/);
  });
});

describe("sendChatWebhook to Teams", () => {
  it("posts a message with one Adaptive Card attachment and accepts Teams' `1`", async () => {
    await sendChatWebhook("teams", receiver.urlFor("/teams/webhookb2/x"), message);
    const [request] = receiver.received();
    expect(request!.answeredWith).toBe(200);
    expect(request!.body).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
              { type: "TextBlock", text: message.text, wrap: true },
            ],
            actions: [{ type: "Action.OpenUrl", title: "Open in FlowPilot", url: message.link }],
          },
        },
      ],
    });
  });

  it("accepts a Workflows-style 202 with an empty body", async () => {
    receiver.failNext(1, { status: 202, body: "" });
    await expect(sendChatWebhook("teams", receiver.urlFor("/teams/workflow"), message)).resolves.toBeUndefined();
  });

  it("treats a 200 that reports a failed delivery as a failure", async () => {
    receiver.failNext(1, { status: 200, body: "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429" });
    await expect(sendChatWebhook("teams", receiver.urlFor("/teams/quirk"), message)).rejects.toThrow(
      /^Microsoft Teams answered 200: Webhook message delivery failed with error/,
    );
  });

  it("fails only the requests it was told to, then recovers", async () => {
    receiver.failNext(2, "error", { path: "/teams/flaky" });
    const url = receiver.urlFor("/teams/flaky");
    await expect(sendChatWebhook("teams", url, message)).rejects.toThrow("Microsoft Teams answered 500: internal_error");
    await expect(sendChatWebhook("teams", url, message)).rejects.toThrow("Microsoft Teams answered 500");
    await expect(sendChatWebhook("teams", url, message)).resolves.toBeUndefined();
    expect(receiver.received(url.replace(receiver.origin, "")).map((entry) => entry.answeredWith)).toEqual([500, 500, 200]);
  });
});

describe("postWebhookJson safety", () => {
  it("gives up after the timeout", async () => {
    receiver.failNext(1, "hang");
    const started = Date.now();
    await expect(postWebhookJson("slack", receiver.urlFor("/slack/slow"), {}, { timeoutMs: 300 })).rejects.toThrow("Slack did not answer within 300 ms.");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("connects to the address it checked, never resolving the name again", async () => {
    const lookups: string[] = [];
    const lookup = async (hostname: string) => {
      lookups.push(hostname);
      return [{ address: "127.0.0.1", family: 4 as const }];
    };
    // receiver.test resolves nowhere: only the pinned address can get this request to the receiver.
    const port = new URL(receiver.origin).port;
    await postWebhookJson("slack", `http://receiver.test:${port}/slack/pinned`, { text: "hi" }, { allowHosts: ["receiver.test"], lookup });
    expect(lookups).toEqual(["receiver.test"]);
    const [request] = receiver.received("/slack/pinned");
    expect(request!.headers.host).toBe(`receiver.test:${port}`);
  });

  it("refuses a provider host that resolves to a private address, before connecting", async () => {
    const lookup = async () => [{ address: "10.0.0.8", family: 4 as const }];
    await expect(postWebhookJson("teams", "https://contoso.webhook.office.com/webhookb2/x", {}, { allowHosts: [], lookup })).rejects.toThrow(
      "contoso.webhook.office.com resolves to 10.0.0.8, a private or reserved address; webhooks are only sent to public addresses.",
    );
  });

  it("refuses loopback for a host that is not allow-listed", async () => {
    const lookup = async () => [{ address: "::ffff:127.0.0.1", family: 6 as const }];
    await expect(postWebhookJson("slack", "https://hooks.slack.com/services/x", {}, { allowHosts: [], lookup })).rejects.toThrow(/private or reserved/);
  });

  it("says so when DNS fails", async () => {
    const lookup = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND hooks.slack.com"), { code: "ENOTFOUND" });
    };
    await expect(postWebhookJson("slack", "https://hooks.slack.com/services/x", {}, { allowHosts: [], lookup })).rejects.toThrow(
      "Could not resolve hooks.slack.com (ENOTFOUND); check the webhook URL.",
    );
  });
});
