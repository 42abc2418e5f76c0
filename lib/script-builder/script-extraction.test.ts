import { describe, expect, it } from "vitest";
import { splitFencedBlocks } from "@/lib/script-builder/fenced-blocks";
import { extractCurrentScript, extractScriptParameters, scriptFileName } from "@/lib/script-builder/script-extraction";

const reply = (...parts: string[]) => parts.join("\n");

describe("splitFencedBlocks", () => {
  it("splits prose and code in order and keeps an unclosed fence open to the end", () => {
    const text = reply("Here it is:", "", "```powershell", "Get-Service", "```", "", "Then this:", "```bash", "echo half");
    expect(splitFencedBlocks(text)).toEqual([
      { kind: "prose", text: "Here it is:" },
      { kind: "code", info: "powershell", code: "Get-Service", closed: true },
      { kind: "prose", text: "Then this:" },
      { kind: "code", info: "bash", code: "echo half", closed: false },
    ]);
  });

  it("only closes a fence with the same character and at least its length", () => {
    const text = reply("````python", "print('```')", "~~~", "````");
    expect(splitFencedBlocks(text)).toEqual([{ kind: "code", info: "python", code: "print('```')\n~~~", closed: true }]);
  });
});

describe("extractCurrentScript", () => {
  it("takes the last block tagged with the session's language, ignoring parameters and output", () => {
    const text = reply(
      "First draft:",
      "```powershell",
      "Get-Service -Name $Name",
      "```",
      "Improved:",
      "```ps1",
      "param([string]$Name)",
      "Restart-Service -Name $Name",
      "```",
      "```parameters",
      '{"Name": "Spooler"}',
      "```",
      "```text",
      "Status   Name",
      "```",
    );
    expect(extractCurrentScript(text, "powershell")).toBe("param([string]$Name)\nRestart-Service -Name $Name");
  });

  it("falls back to an untagged block, and gives null for a question or a truncated fence", () => {
    expect(extractCurrentScript(reply("```", "#!/usr/bin/env bash", "set -euo pipefail", "```"), "bash")).toBe("#!/usr/bin/env bash\nset -euo pipefail");
    expect(extractCurrentScript("Which mailbox should it target?", "python")).toBeNull();
    expect(extractCurrentScript(reply("```python", "import sys"), "python")).toBeNull();
    expect(extractCurrentScript(reply("```parameters", '{"a": 1}', "```"), "python")).toBeNull();
    expect(extractCurrentScript(reply("```bash", "   ", "```"), "bash")).toBeNull();
  });
});

describe("extractScriptParameters", () => {
  it("reads the parameters block as values by name, dropping nulls", () => {
    const text = reply("```bash", "echo", "```", "```parameters", '{"host_name": "srv-7", "port": 8443, "dry_run": true, "token": null}', "```");
    expect(extractScriptParameters(text)).toEqual({ host_name: "srv-7", port: 8443, dry_run: true });
  });

  it("gives null without a block, for bad JSON, nested values or an empty object", () => {
    expect(extractScriptParameters("no block")).toBeNull();
    expect(extractScriptParameters(reply("```parameters", "{not json", "```"))).toBeNull();
    expect(extractScriptParameters(reply("```parameters", '{"a": {"b": 1}}', "```"))).toBeNull();
    expect(extractScriptParameters(reply("```parameters", "[1, 2]", "```"))).toBeNull();
    expect(extractScriptParameters(reply("```parameters", "{}", "```"))).toBeNull();
  });
});

describe("scriptFileName", () => {
  it("names the download after the title with the language's extension", () => {
    expect(scriptFileName("Restart a stuck print spooler!", "powershell")).toBe("restart-a-stuck-print-spooler.ps1");
    expect(scriptFileName("Über-Clean tmp", "bash")).toBe("uber-clean-tmp.sh");
    expect(scriptFileName("***", "python")).toBe("script.py");
  });
});
