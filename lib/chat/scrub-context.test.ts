import { describe, expect, it } from "vitest";
import { parseMarkers } from "@/lib/ai/markers";
import { createStreamScrubber, scrubChatContext, scrubParsedReply } from "@/lib/chat/scrub-context";
import { REDACTED, redactValues } from "@/lib/scripts/redaction";

const SECRET = "Pa55-Unique-7f3a";
const secrets = [SECRET, "it''s-Pa55"];

describe("scrubChatContext", () => {
  it("scrubs a value embedded in longer strings from the system blocks, history and new message", () => {
    const context = {
      system: [{ text: "prompt", cache: true }, { text: `templates mention x${SECRET}y`, cache: true }],
      messages: [
        { role: "user" as const, content: `I set it to prefix-${SECRET}-suffix` },
        { role: "assistant" as const, content: "Noted." },
        { role: "user" as const, content: `<session_state>- fact: password is ${SECRET}</session_state>\n\nagain: ${SECRET}${SECRET}` },
      ],
      taskLane: { questions: [], actions: [] },
    };
    const scrubbed = scrubChatContext(context, secrets);
    expect(JSON.stringify(scrubbed)).not.toContain(SECRET);
    expect(scrubbed.messages[0]!.content).toBe(`I set it to prefix-${REDACTED}-suffix`);
    expect(scrubbed.messages[2]!.content).toBe(`<session_state>- fact: password is ${REDACTED}</session_state>\n\nagain: ${REDACTED}`);
    expect(scrubbed.system[0]).toEqual({ text: "prompt", cache: true });
  });

  it("returns the context unchanged when the session has no sensitive values", () => {
    const context = { system: [{ text: "p" }], messages: [{ role: "user" as const, content: "hi" }], taskLane: { questions: [], actions: [] } };
    expect(scrubChatContext(context, [])).toBe(context);
  });
});

describe("scrubParsedReply (the model's output)", () => {
  it("scrubs prose and every marker field before the reply is saved", () => {
    const reply = [
      `Use the password prefix-${SECRET}-suffix to sign in.`,
      "[PROMOTE]",
      JSON.stringify([{ text: `The service account password is ${SECRET}` }]),
      "[/PROMOTE]",
      "[SUGGEST_FIX]",
      JSON.stringify({ title: "Reset", description: `Set it to ${SECRET}`, confidence: 80, script: `Set-Password '${SECRET}'`, parameters: { password: SECRET } }),
      "[/SUGGEST_FIX]",
    ].join("\n");
    const parsed = scrubParsedReply(parseMarkers(reply), secrets);
    expect(JSON.stringify(parsed)).not.toContain(SECRET);
    expect(parsed.prose).toBe(`Use the password prefix-${REDACTED}-suffix to sign in.`);
    expect(parsed.promotes[0]!.text).toBe(`The service account password is ${REDACTED}`);
    expect(parsed.suggestedFix).toMatchObject({ script: `Set-Password '${REDACTED}'`, parameters: { password: REDACTED }, confidence: 80 });
  });
});

describe("createStreamScrubber", () => {
  const text = `start ${SECRET} middle prefix-${SECRET}-suffix it''s-Pa55 end Pa55-Uniq`;

  it("never lets a value through whole, however the stream is split", () => {
    for (let size = 1; size <= text.length; size += 1) {
      const scrubber = createStreamScrubber(secrets);
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(scrubber.push(text.slice(at, at + size)));
      chunks.push(scrubber.flush());
      const streamed = chunks.join("");
      expect(streamed, `chunks of ${size}`).toBe(redactValues(text, secrets));
      expect(streamed).not.toContain(SECRET);
    }
  });

  it("passes text straight through when there is nothing to scrub", () => {
    const scrubber = createStreamScrubber([]);
    expect(scrubber.push("Pa55")).toBe("Pa55");
    expect(scrubber.flush()).toBe("");
  });

  it("holds back only what could start a value", () => {
    const scrubber = createStreamScrubber([SECRET]);
    expect(scrubber.push("hello Pa5")).toBe("hello ");
    expect(scrubber.push("x")).toBe("Pa5x");
  });
});
