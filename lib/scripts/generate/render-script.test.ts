import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { ParameterValue } from "@/lib/scripts/generate/parameter-values";
import { findUnsafePlaceholders, renderScript, scriptFileName } from "@/lib/scripts/generate/render-script";
import { parametersSchemaInput, type ParameterType } from "@/lib/scripts/parameter-schema";

/** Values that would run as code anywhere they weren't a literal. */
const HOSTILE = [
  `it's "quoted"`,
  "$(rm -rf /)",
  "`rm -rf /`",
  "; rm -rf /",
  "'; rm -rf / #",
  '"; rm -rf / #',
  "first line\nrm -rf /",
  "back\\slash \\' \\\" \\",
  "$HOME ${HOME} $((1+1)) !! %PATH%",
  "{0} {x} {{y}} %s",
  "tab\there\r\nwindows line",
  "‘curly’ “quotes” é ü 🚀",
  "*",
  "-n",
];

const one = (type: ParameterType = "text", extra: object = {}) => parametersSchemaInput.parse([{ name: "v", label: "Value", type, ...extra }]);
const render = (language: ScriptLanguage, body: string, value: ParameterValue, type: ParameterType = "text") =>
  renderScript({ language, body, parameters: one(type), values: { v: value } }).script;

// Hostile values run with no PATH, from an empty directory: were a value to become code, `rm` wouldn't be found.
const sandbox = mkdtempSync(path.join(tmpdir(), "render-script-"));
const run = (file: string, args: string[]) =>
  execFileSync(file, args, { cwd: sandbox, env: { NODE_ENV: "test", PATH: "/nonexistent", PYTHONIOENCODING: "utf-8", LANG: "C.UTF-8" }, encoding: "utf8" });
const bashPath = execFileSync("bash", ["-c", "command -v bash"], { encoding: "utf8" }).trim();
const pythonPath = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

describe("bash: every value stays one literal word, checked by running bash", () => {
  it.each(HOSTILE.filter((value) => !value.startsWith("-")))("echo {{v}} prints %j back", (value) => {
    expect(run(bashPath, ["-c", render("bash", "echo {{v}}", value)])).toBe(`${value}\n`);
  });

  const contexts: [string, string, (value: string) => string][] = [
    ["bare", "printf '%s' {{v}}", (value) => value],
    ["an assignment", "x={{v}}\nprintf '%s' \"$x\"", (value) => value],
    ["double quotes", "printf '%s' \"<{{v}}>\"", (value) => `<${value}>`],
    ["single quotes", "printf '%s' '<{{v}}>'", (value) => `<${value}>`],
    ["ANSI-C quotes", "printf '%s' $'<{{v}}>'", (value) => `<${value}>`],
    ["$(…) inside double quotes", "printf '%s' \"$(printf '%s' {{v}})\"", (value) => value],
    ["a function argument", 'show() { printf "%s" "$1"; }\nshow {{v}}', (value) => value],
    ["a comment", "# about {{v}}\nprintf '%s' done", () => "done"],
    ["a test and a case", "if [ \"{{v}}\" = x ]; then :; fi\ncase {{v}} in *) printf '%s' \"{{v}}\";; esac", (value) => value],
    ["an array", "arr=({{v}} b)\nprintf '%s' \"${arr[0]}\"", (value) => value],
    ["quotes inside $(…) inside quotes", "printf '%s' \"$(printf '%s' \"<{{v}}>\")\"", (value) => `<${value}>`],
  ];
  it.each(contexts)("inside %s", (_name, body, expected) => {
    for (const value of HOSTILE) expect(run(bashPath, ["-c", render("bash", body, value)]), `${body} with ${JSON.stringify(value)}`).toBe(expected(value));
  });

  it("writes the single-quote escape as '\\''", () => {
    expect(render("bash", "echo {{v}}", "it's")).toBe(`echo 'it'\\''s'`);
    expect(render("bash", 'echo "a {{v}} b"', "$(id)")).toBe(`echo "a "'$(id)'" b"`);
  });

  it("renders numbers and booleans as plain words, an empty optional as ''", () => {
    expect(render("bash", "sleep {{v}}", 5, "number")).toBe("sleep 5");
    expect(render("bash", "echo $(( {{v}} + 1 ))", 41, "number")).toBe("echo $(( 41 + 1 ))");
    expect(render("bash", "FORCE={{v}}", true, "boolean")).toBe("FORCE=true");
    expect(render("bash", "echo {{v}}", null)).toBe("echo ''");
  });

  it("refuses places where no quoting holds", () => {
    for (const body of ["cat <<EOF\n{{v}}\nEOF", "cat <<'EOF'\n  {{v}}\nEOF", "echo `echo {{v}}`", 'echo "${X:-{{v}}}"', "echo \\{{v}}", "echo ${{v}}"]) {
      expect(() => render("bash", body, "x"), body).toThrow(AppError);
      expect(findUnsafePlaceholders("bash", body), body).toEqual([{ name: "v", reason: expect.any(String) }]);
    }
    expect(() => render("bash", "cat <<EOF\n{{v}}\nEOF", "x")).toThrow(/here-document/);
    // After the here-document ends, the same parameter is fine again.
    expect(findUnsafePlaceholders("bash", "cat <<EOF\nhi\nEOF\necho {{v}}\necho $((1<<2)) {{v}}")).toEqual([]);
  });
});

describe("python: every value stays a string literal, checked by running python3", () => {
  it.each(HOSTILE)("print({{v}}) prints %j back", (value) => {
    expect(run(pythonPath, ["-c", render("python", "print({{v}})", value)])).toBe(`${value}\n`);
  });

  const contexts: [string, string, (value: string) => string][] = [
    ["double quotes", 'print("<{{v}}>", end="")', (value) => `<${value}>`],
    ["single quotes", "print('<{{v}}>', end='')", (value) => `<${value}>`],
    ["a triple-quoted string", 'print("""<{{v}}>""", end="")', (value) => `<${value}>`],
    ["an f-string", 'x = 1\nprint(f"<{{v}}> {x}", end="")', (value) => `<${value}> 1`],
    ["a comment", "# about {{v}}\nprint('done', end='')", () => "done"],
    ["a dict and %-formatting", 'd = {"k": {{v}}}\nprint("%s" % d["k"], end="")', (value) => value],
  ];
  it.each(contexts)("inside %s", (_name, body, expected) => {
    for (const value of HOSTILE) expect(run(pythonPath, ["-c", render("python", body, value)]), `${body} with ${JSON.stringify(value)}`).toBe(expected(value));
  });

  it("writes a repr-like literal: quotes, backslashes and line breaks escaped", () => {
    expect(render("python", "x = {{v}}", `it's "a"\\\n`)).toBe(`x = "it\\'s \\"a\\"\\\\\\n"`);
    expect(render("python", 'x = f"{y} {{v}}"', "{os.system('id')}")).toBe(`x = f"{y} {{os.system(\\'id\\')}}"`);
  });

  it("renders numbers bare, booleans True/False, an empty optional number None", () => {
    expect(render("python", "n = {{v}}", 2.5, "number")).toBe("n = 2.5");
    expect(render("python", "n = {{v}}", null, "number")).toBe("n = None");
    expect(render("python", "ok = {{v}}", false, "boolean")).toBe("ok = False");
    expect(render("python", 'print("ok={{v}}")', true, "boolean")).toBe('print("ok=True")');
  });

  it("copies a plain value into a raw string and refuses one it can't hold", () => {
    expect(render("python", "p = r'C:\\Users\\{{v}}\\AppData'", "alice")).toBe("p = r'C:\\Users\\alice\\AppData'");
    for (const value of ["o'brien", 'say "hi"', "back\\slash", "two\nlines"]) {
      expect(() => render("python", "p = r'C:\\Users\\{{v}}'", value)).toThrow(ZodError);
    }
    expect(() => render("python", "p = r'C:\\Users\\{{v}}'", "x'")).toThrow(/parameters\.v|raw string/);
  });

  it("refuses bytes literals and a placeholder right after a backslash", () => {
    for (const body of ["b'{{v}}'", "'a\\{{v}}'", "x = \\{{v}}"]) expect(() => render("python", body, "x"), body).toThrow(AppError);
  });
});

describe("powershell: single-quoted literals (pwsh isn't installed here, so the exact forms are checked)", () => {
  it("doubles every single quote, typographic ones too, and expands nothing", () => {
    expect(render("powershell", "Write-Output {{v}}", "it's")).toBe("Write-Output 'it''s'");
    expect(render("powershell", "Write-Output {{v}}", "$(Remove-Item C:\\ -Recurse)")).toBe("Write-Output '$(Remove-Item C:\\ -Recurse)'");
    expect(render("powershell", "Write-Output {{v}}", "`whoami` $env:PATH")).toBe("Write-Output '`whoami` $env:PATH'");
    expect(render("powershell", "Write-Output {{v}}", "; rm -rf /")).toBe("Write-Output '; rm -rf /'");
    expect(render("powershell", "Write-Output {{v}}", "‘a’ ‚b‛")).toBe("Write-Output '‘‘a’’ ‚‚b‛‛'");
    expect(render("powershell", "Write-Output {{v}}", "line one\nline two")).toBe("Write-Output 'line one\nline two'");
  });

  it("escapes for the string a placeholder already sits in", () => {
    expect(render("powershell", "Write-Output 'Hi {{v}}'", "it's $(x)")).toBe("Write-Output 'Hi it''s $(x)'");
    expect(render("powershell", 'Write-Output "Hi {{v}}"', '$(rm -rf /) `n "q" “r”')).toBe('Write-Output "Hi `$(rm -rf /) ``n `"q`" `“r`”"');
    expect(render("powershell", 'Write-Output "Hi $(Get-Name {{v}})"', "it's")).toBe(`Write-Output "Hi $(Get-Name 'it''s')"`);
    expect(render("powershell", '$t = @"\nHi {{v}}\n"@', '"@\n$(rm -rf /)')).toBe('$t = @"\nHi `"@\n`$(rm -rf /)\n"@');
  });

  it("copies into a @'…'@ here-string only what can't end it", () => {
    expect(render("powershell", "$t = @'\nHi {{v}}\n'@", "$(x) 'q'")).toBe("$t = @'\nHi $(x) 'q'\n'@");
    expect(() => render("powershell", "$t = @'\n{{v}}\n'@", "a\nb")).toThrow(ZodError);
    expect(() => render("powershell", "$t = @'\n{{v}}\n'@", "'@; rm -rf /")).toThrow(ZodError);
  });

  it("keeps a value in a comment on the comment's line", () => {
    expect(render("powershell", "# user {{v}}\nWrite-Output 1", "x\nRemove-Item C:\\")).toBe("# user 'x Remove-Item C:\\'\nWrite-Output 1");
    expect(render("powershell", "<# {{v}} #>", "#> Remove-Item C:\\")).toBe("<# '# > Remove-Item C:\\' #>");
  });

  it("renders numbers bare, booleans $true/$false, an empty optional number $null", () => {
    expect(render("powershell", "Start-Sleep {{v}}", 3, "number")).toBe("Start-Sleep 3");
    expect(render("powershell", "-Force:{{v}}", true, "boolean")).toBe("-Force:$true");
    expect(render("powershell", "-Force:{{v}}", false, "boolean")).toBe("-Force:$false");
    expect(render("powershell", "-Count {{v}}", null, "number")).toBe("-Count $null");
    expect(render("powershell", "-Name {{v}}", null)).toBe("-Name ''");
    expect(render("powershell", '"Force: {{v}}"', true, "boolean")).toBe('"Force: True"');
  });

  it("refuses a placeholder after ` or $ and inside ${…}", () => {
    for (const body of ["Write-Output `{{v}}", "Write-Output ${{v}}", '"x ${{v}}"', "${env:{{v}}}"]) {
      expect(() => render("powershell", body, "x"), body).toThrow(AppError);
    }
  });
});

describe("cmd: metacharacters refused, the rest quoted as one argument", () => {
  it("wraps a value outside quotes and copies it inside the template's quotes", () => {
    const parameters = parametersSchemaInput.parse([{ name: "user", type: "text" }, { name: "password", type: "secret" }]);
    const rendered = renderScript({ language: "cmd", body: 'net user {{user}} {{password}} /add\nset "WHO={{user}}"', parameters, values: { user: "alice", password: "Pa55 word" } });
    expect(rendered.script).toBe('net user "alice" "Pa55 word" /add\nset "WHO=alice"');
    expect(rendered.redactedScript).toBe('net user "alice" [REDACTED] /add\nset "WHO=alice"');
    expect(render("cmd", "timeout /t {{v}}", 30, "number")).toBe("timeout /t 30");
  });

  it.each(["a&b", "a|b", "a<b", "a>b", "a^b", "100%", "a!b", 'a"b', "(a)", "a\nb", "a\rb"])("refuses %j, naming the field", (value) => {
    expect(() => render("cmd", "echo {{v}}", value)).toThrow(/parameters\.v|cmd/);
    expect(() => render("cmd", 'echo "{{v}}"', value)).toThrow(ZodError);
  });
});

describe("redactedScript", () => {
  const parameters = parametersSchemaInput.parse([
    { name: "user", type: "text" },
    { name: "password", type: "secret" },
  ]);

  it("puts the marker where each sensitive value went, and nowhere else", () => {
    const body = "Set-Password -User {{user}} -Value {{password}}\nWrite-Output \"set {{password}} for {{user}}\"";
    const rendered = renderScript({ language: "powershell", body, parameters, values: { user: "alice", password: "it's-Pa55-Unique-7f3a" } });
    expect(rendered.script).toBe("Set-Password -User 'alice' -Value 'it''s-Pa55-Unique-7f3a'\nWrite-Output \"set it's-Pa55-Unique-7f3a for alice\"");
    expect(rendered.redactedScript).toBe("Set-Password -User 'alice' -Value [REDACTED]\nWrite-Output \"set [REDACTED] for alice\"");
  });

  it("scrubs the value where the template itself repeats it inside a longer string", () => {
    const body = "# rotate prefix-Pa55-Unique-7f3a-suffix\nSet-Password {{password}} -User {{user}}";
    const rendered = renderScript({ language: "powershell", body, parameters, values: { user: "alice", password: "Pa55-Unique-7f3a" } });
    expect(rendered.redactedScript).toBe("# rotate prefix-[REDACTED]-suffix\nSet-Password [REDACTED] -User 'alice'");
    expect(rendered.redactedScript).not.toContain("Pa55-Unique-7f3a");
  });

  it("leaves an undeclared placeholder as written", () => {
    expect(renderScript({ language: "bash", body: "echo {{other}} {{user}}", parameters, values: { user: "bob" } }).script).toBe("echo {{other}} 'bob'");
  });
});

describe("scriptFileName", () => {
  it("slugs the template name and adds the language's extension", () => {
    expect(scriptFileName("Reset a user's MFA registration", "powershell")).toBe("reset-a-user-s-mfa-registration.ps1");
    expect(scriptFileName("Clear DNS cache", "bash")).toBe("clear-dns-cache.sh");
    expect(scriptFileName("Säubern (Python)", "python")).toBe("saubern-python.py");
    expect(scriptFileName("!!!", "cmd")).toBe("script.cmd");
  });
});
