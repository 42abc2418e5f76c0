import { describe, expect, it } from "vitest";
import { createProseStreamFilter, mergeTaskLane, parseMarkers, type TaskLane } from "@/lib/ai/markers";

const block = (name: string, json: unknown) => `[${name}]\n${typeof json === "string" ? json : JSON.stringify(json, null, 2)}\n[/${name}]`;
const fix = (overrides: Record<string, unknown> = {}) => ({ title: "Rebuild the profile", description: "Steps.", confidence: 70, ...overrides });
const UUID = "0b6f3c2e-2f7e-4a53-9f3e-6a1f0f3b2c11";

describe("parseMarkers", () => {
  it("parses every marker kind and strips the blocks from the prose", () => {
    const reply = [
      "Let's narrow it down.",
      "",
      block("QUESTIONS", [{ text: "When did it start?" }]),
      block("ACTIONS", [{ label: "Check the event log", command: "Get-WinEvent -MaxEvents 20" }, { label: "Ping the gateway" }]),
      block("PROMOTE", [{ text: "The printer is online.", source_ref: UUID }]),
      block("SUGGEST_FIX", fix({ template_id: "t-1", script: "Write-Output 1", parameters: { Name: "x" } })),
      block("FIX_OUTCOME", { fix_id: "f-1", outcome: "applied_partial", notes: "Half the users" }),
      block("FORK", { reason: "Different system", title: "Mail flow", summary: "Look at mail flow." }),
    ].join("\n");
    const parsed = parseMarkers(reply);
    expect(parsed.prose).toBe("Let's narrow it down.");
    expect(parsed.questions).toEqual([{ text: "When did it start?" }]);
    expect(parsed.actions).toEqual([
      { label: "Check the event log", command: "Get-WinEvent -MaxEvents 20" },
      { label: "Ping the gateway", command: undefined },
    ]);
    expect(parsed.promotes).toEqual([{ text: "The printer is online.", source_ref: UUID }]);
    expect(parsed.suggestedFix).toEqual({ ...fix(), template_id: "t-1", script: "Write-Output 1", parameters: { Name: "x" } });
    expect(parsed.fixOutcome).toEqual({ fix_id: "f-1", outcome: "applied_partial", notes: "Half the users" });
    expect(parsed.fork).toEqual({ reason: "Different system", title: "Mail flow", summary: "Look at mail flow." });
    expect(parsed.dropped).toEqual([]);
  });

  it("returns plain prose untouched apart from trimming, and treats inline tag mentions as prose", () => {
    const parsed = parseMarkers("  Check [QUESTIONS] mentioned inline.\n[ACTIONS] is not alone on this line\n");
    expect(parsed.prose).toBe("Check [QUESTIONS] mentioned inline.\n[ACTIONS] is not alone on this line");
    expect(parsed.questions).toEqual([]);
    expect(parsed.suggestedFix).toBeNull();
  });

  it("lets the last well-formed SUGGEST_FIX, FIX_OUTCOME and FORK win and concatenates lists", () => {
    const reply = [
      block("SUGGEST_FIX", fix({ title: "First" })),
      block("QUESTIONS", [{ text: "One?" }]),
      block("SUGGEST_FIX", fix({ title: "Second" })),
      block("SUGGEST_FIX", "{ not json"),
      block("QUESTIONS", [{ text: "Two?" }]),
      block("FIX_OUTCOME", { outcome: "applied_failed" }),
      block("FIX_OUTCOME", { outcome: "applied_success" }),
      block("FORK", { reason: "a", title: "b", summary: "c" }),
      block("FORK", { reason: "d", title: "e", summary: "f" }),
    ].join("\n");
    const parsed = parseMarkers(reply);
    expect(parsed.suggestedFix?.title).toBe("Second");
    expect(parsed.questions.map((q) => q.text)).toEqual(["One?", "Two?"]);
    expect(parsed.fixOutcome?.outcome).toBe("applied_success");
    expect(parsed.fork?.title).toBe("e");
    expect(parsed.dropped).toHaveLength(1);
  });

  it("drops malformed blocks from prose and data, keeps the prose and the good blocks, and says why", () => {
    const reply = [
      "First paragraph.",
      block("QUESTIONS", '[{"text": "Broken?",]'),
      "Second paragraph.",
      block("ACTIONS", { label: "not an array" }),
      block("FIX_OUTCOME", { outcome: "worked" }),
      block("PROMOTE", [{ text: "Kept." }]),
      "Closing line.",
    ].join("\n");
    const parsed = parseMarkers(reply);
    expect(parsed.prose).toBe("First paragraph.\nSecond paragraph.\nClosing line.");
    expect(parsed.questions).toEqual([]);
    expect(parsed.actions).toEqual([]);
    expect(parsed.fixOutcome).toBeNull();
    expect(parsed.promotes).toEqual([{ text: "Kept.", source_ref: undefined }]);
    expect(parsed.dropped.map((d) => [d.marker, d.reason.split(":")[0]])).toEqual([
      ["QUESTIONS", "invalid JSON"],
      ["ACTIONS", "wrong shape"],
      ["FIX_OUTCOME", "wrong shape"],
    ]);
    expect(parsed.dropped[0]?.raw).toContain("Broken?");
    expect(JSON.stringify({ ...parsed, dropped: [] })).not.toMatch(/Broken\?|not an array/);
  });

  it("drops an unclosed block up to the next opening tag line, which still parses", () => {
    const parsed = parseMarkers(["Prose.", "[QUESTIONS]", '[{"text": "Lost?"}]', block("ACTIONS", [{ label: "Found" }])].join("\n"));
    expect(parsed.prose).toBe("Prose.");
    expect(parsed.questions).toEqual([]);
    expect(parsed.actions.map((a) => a.label)).toEqual(["Found"]);
    expect(parsed.dropped).toEqual([{ marker: "QUESTIONS", reason: "no closing [/QUESTIONS] line", raw: '[{"text": "Lost?"}]' }]);

    const atEnd = parseMarkers('Prose.\n[SUGGEST_FIX]\n{"title": "t", "description": "d", "confidence": 50}');
    expect(atEnd.prose).toBe("Prose.");
    expect(atEnd.suggestedFix).toBeNull();
    expect(atEnd.dropped[0]?.marker).toBe("SUGGEST_FIX");
  });

  it.each([
    [140, 100],
    [-5, 0],
    [72.6, 73],
    ["85", 85],
    [0, 0],
    [100, 100],
  ])("clamps confidence %s to %s", (given, expected) => {
    expect(parseMarkers(block("SUGGEST_FIX", fix({ confidence: given }))).suggestedFix?.confidence).toBe(expected);
  });

  it.each([["high"], [null], [true], [{}]])("drops a SUGGEST_FIX whose confidence is %s", (given) => {
    const parsed = parseMarkers(block("SUGGEST_FIX", fix({ confidence: given })));
    expect(parsed.suggestedFix).toBeNull();
    expect(parsed.dropped[0]?.reason).toMatch(/^wrong shape: confidence/);
  });

  it("tolerates fences, CRLF, nulls for optional fields and a non-UUID source_ref", () => {
    const reply = "Text.\r\n[PROMOTE]\r\n```json\r\n[{\"text\": \"A fact.\", \"source_ref\": \"q-1\"}]\r\n```\r\n[/PROMOTE]\r\n";
    expect(parseMarkers(reply)).toMatchObject({ prose: "Text.", promotes: [{ text: "A fact.", source_ref: undefined }] });
    const wrongType = parseMarkers(block("PROMOTE", [{ text: "Still kept.", source_ref: 42 }]));
    expect(wrongType.promotes).toEqual([{ text: "Still kept.", source_ref: undefined }]);
    const nulls = parseMarkers(block("SUGGEST_FIX", fix({ template_id: null, script: null, parameters: null })));
    expect(nulls.suggestedFix).toEqual({ ...fix(), template_id: undefined, script: undefined, parameters: undefined });
  });

  it("collapses the blank lines left where blocks were", () => {
    const parsed = parseMarkers(`\n\nIntro.\n\n${block("QUESTIONS", [{ text: "Q?" }])}\n\n\nOutro.  \n\n`);
    expect(parsed.prose).toBe("Intro.\n\nOutro.");
  });
});

describe("mergeTaskLane", () => {
  it("keeps ids and statuses of matching items across turns and appends new ones as open", () => {
    const first = mergeTaskLane(null, { questions: [{ text: "When did it start?" }], actions: [{ label: "Check DNS" }] });
    expect(first.questions[0]).toMatchObject({ text: "When did it start?", status: "open" });
    expect(first.questions[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    const answered: TaskLane = { ...first, questions: first.questions.map((q) => ({ ...q, status: "answered" })) };
    const second = mergeTaskLane(answered, {
      questions: [{ text: "When did it start?" }, { text: "Who else is affected?" }],
      actions: [{ label: "Check DNS", command: "nslookup" }],
    });
    expect(second.questions[0]).toEqual({ ...first.questions[0], status: "answered" });
    expect(second.questions[1]).toMatchObject({ text: "Who else is affected?", status: "open" });
    expect(second.questions[1]?.id).not.toBe(first.questions[0]?.id);
    expect(second.actions).toEqual([{ ...first.actions[0], command: "nslookup" }]);

    // A turn that mentions nothing keeps everything.
    expect(mergeTaskLane(second, { questions: [], actions: [] })).toEqual(second);
  });

  it("matches case- and whitespace-insensitively and collapses duplicates within a reply", () => {
    const lane = mergeTaskLane(null, { questions: [{ text: "Is the VPN connected?" }], actions: [{ label: "Restart the service" }] });
    const next = mergeTaskLane(lane, {
      questions: [{ text: "  is the   vpn CONNECTED? " }, { text: "New one?" }, { text: "new  ONE?" }],
      actions: [{ label: "restart THE\tservice" }],
    });
    expect(next.questions.map((q) => q.id)).toEqual([lane.questions[0]?.id, expect.any(String)]);
    expect(next.questions[0]?.text).toBe("Is the VPN connected?");
    expect(next.actions).toEqual(lane.actions);
  });

  it("does not mutate the previous lane", () => {
    const lane = mergeTaskLane(null, { questions: [{ text: "A?" }], actions: [{ label: "B" }] });
    const snapshot = structuredClone(lane);
    mergeTaskLane(lane, { questions: [{ text: "C?" }], actions: [{ label: "b", command: "x" }] });
    expect(lane).toEqual(snapshot);
  });
});

describe("createProseStreamFilter", () => {
  const replies = [
    "Plain prose with no markers at all.",
    `Start here.\n\n${block("QUESTIONS", [{ text: "When did it start?" }])}\n${block("ACTIONS", [{ label: "Check [brackets] inside" }])}`,
    `  Leading spaces.\n[not a marker] and [QUESTIONS] inline\n\n\n   indented line  \n${block("SUGGEST_FIX", fix())}\nAfter the block.\n`,
    `Intro.\n[QUESTIONS]\n[{"text": "unclosed"}]\n${block("PROMOTE", [{ text: "Fact." }])}\nTail text`,
    `[FORK]\n{"reason": "r", "title": "t", "summary": "s"}\n[/FORK]\nProse after a leading block.\r\nWindows line.\r\n\r\nLast.`,
    `Text then a dangling tag\n[SUGGEST_FIX]`,
    `Ends with a tag prefix [QUESTION\n[QUESTIONS\n  [FIX_OUTCOME]   \n{"outcome": "applied_success"}\n  [/FIX_OUTCOME]  \n\t\nDone.\t `,
    `Broken block:\n${block("ACTIONS", "{oops")}\n\nStill here.`,
  ];

  function seededRandom(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  function streamThrough(reply: string, chunks: string[]) {
    const filter = createProseStreamFilter();
    const shown = chunks.map((chunk) => filter.push(chunk)).join("") + filter.flush();
    expect(chunks.join("")).toBe(reply);
    return shown;
  }

  it.each(replies.map((reply, index) => [index, reply]))("emits exactly the parsed prose for reply %i on random chunkings", (_index, reply) => {
    const expected = parseMarkers(reply).prose;
    const random = seededRandom(reply.length + 7);
    for (let round = 0; round < 60; round += 1) {
      const chunks: string[] = [];
      for (let at = 0; at < reply.length; ) {
        const size = round === 0 ? 1 : 1 + Math.floor(random() * 15);
        chunks.push(reply.slice(at, at + size));
        at += size;
      }
      expect(streamThrough(reply, chunks)).toBe(expected);
    }
    expect(streamThrough(reply, [reply])).toBe(expected);
  });

  it("agrees with the parser on generated replies mixing prose, blank lines, tag look-alikes and blocks", () => {
    const random = seededRandom(42);
    const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)] as T;
    const pieces = [
      "Some prose.",
      "  indented prose ",
      "",
      "   ",
      "\t",
      "[QUESTIONS",
      "[FORKS]",
      "[/QUESTIONS]",
      "x [ACTIONS]",
      " [PROMOTE] ",
      "[SUGGEST_FIX]",
      '{"title": "t", "description": "d", "confidence": 5}',
      "[/SUGGEST_FIX]",
      block("QUESTIONS", [{ text: "Q?" }]),
      block("ACTIONS", "not json"),
    ];
    for (let round = 0; round < 300; round += 1) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pieces));
      const reply = lines.join(pick(["\n", "\r\n"])) + pick(["", "\n", " "]);
      const chunks: string[] = [];
      for (let at = 0; at < reply.length; ) {
        const size = 1 + Math.floor(random() * 6);
        chunks.push(reply.slice(at, at + size));
        at += size;
      }
      expect(streamThrough(reply, chunks), JSON.stringify(reply)).toBe(parseMarkers(reply).prose);
    }
  });

  it("never shows marker JSON while streaming and shows prose before the reply ends", () => {
    const filter = createProseStreamFilter();
    const reply = `Check the cable first.\n${block("QUESTIONS", [{ text: "SECRET-QUESTION" }])}\n`;
    const seen: string[] = [];
    for (const char of reply) seen.push(filter.push(char));
    seen.push(filter.flush());
    expect(seen.join("")).toBe("Check the cable first.");
    // The trailing space is held until more prose follows it.
    expect(seen.slice(0, 10).join("")).toBe("Check the");
    expect(seen.join("")).not.toContain("SECRET");
  });
});
