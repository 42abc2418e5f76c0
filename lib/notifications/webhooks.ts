import { postWebhookJson, type WebhookChannel } from "@/lib/notifications/outbound-url";

/** What a chat alert says: a headline, a sentence or two, and the deep link to act on it. */
export type ChatMessage = { title: string; text: string; link: string };

const BUTTON_LABEL = "Open in FlowPilot";
// Slack refuses a section text over 3000 characters (invalid_blocks); stay well under.
const SLACK_SECTION_LIMIT = 2900;

/** Slack mrkdwn treats &, < and > as control characters; everything else is literal enough. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * A Slack incoming-webhook body: `text` is the notification fallback, `blocks` the message (a
 * mrkdwn section with a link button to the deep link).
 */
export function slackPayload(message: ChatMessage) {
  return {
    text: `${message.title}: ${message.text} ${message.link}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: truncate(`*${escapeMrkdwn(message.title)}*\n${escapeMrkdwn(message.text)}`, SLACK_SECTION_LIMIT) },
        accessory: {
          type: "button",
          text: { type: "plain_text", text: BUTTON_LABEL },
          url: message.link,
          action_id: "open_in_flowpilot",
        },
      },
    ],
  };
}

/**
 * A Teams body accepted by both classic incoming webhooks and Workflows ("Post to a channel when
 * a webhook request is received"): a message with one Adaptive Card attachment.
 */
export function teamsPayload(message: ChatMessage) {
  return {
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
          actions: [{ type: "Action.OpenUrl", title: BUTTON_LABEL, url: message.link }],
        },
      },
    ],
  };
}

/**
 * Posts `message` to a Slack or Teams incoming webhook. Resolves when the provider accepted it;
 * throws an Error with a readable message otherwise: a URL that isn't that provider's webhook or
 * resolves to a private address, DNS failure, no answer within 10 s, a redirect (never followed),
 * or a non-2xx answer (with the first 200 characters of its body, e.g. Slack's `no_service`).
 */
export async function sendChatWebhook(channel: "slack" | "teams", url: string, message: ChatMessage): Promise<void> {
  const payload = channel === "slack" ? slackPayload(message) : teamsPayload(message);
  const response = await postWebhookJson(channel satisfies WebhookChannel, url, payload);
  // Classic Teams connectors answer 200 even when the post failed downstream, saying so in the body.
  if (channel === "teams" && /delivery failed/i.test(response.body)) {
    throw new Error(`Microsoft Teams answered ${response.status}: ${response.body.slice(0, 200).trim()}`);
  }
}
