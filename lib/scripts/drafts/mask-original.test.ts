import { describe, expect, it } from "vitest";
import { MASK, maskOriginalScript, sensitiveParameterNames } from "@/lib/scripts/drafts/mask-original";

describe("maskOriginalScript", () => {
  it("leaves a script without sensitive parameters alone", () => {
    expect(maskOriginalScript("Get-Service Spooler", "Get-Service {{name}}", [])).toBe("Get-Service Spooler");
  });

  it("masks a sensitive value wherever it occurs, and only that value", () => {
    const original = '$user = "alice"\n$pw = ConvertTo-SecureString "Hunter2!" -AsPlainText\nWrite-Host "set Hunter2!"';
    const body = '$user = "{{user}}"\n$pw = ConvertTo-SecureString "{{password}}" -AsPlainText\nWrite-Host "set Hunter2!"';
    const masked = maskOriginalScript(original, body, ["password"]);
    expect(masked).toBe(`$user = "alice"\n$pw = ConvertTo-SecureString "${MASK}" -AsPlainText\nWrite-Host "set ${MASK}"`);
    expect(masked).not.toContain("Hunter2!");
  });

  it("aligns a reference at the end of the body and two references in a row", () => {
    expect(maskOriginalScript("net user bob s3cr3t", "net user {{user}} {{password}}", ["password"])).toBe(
      `net user bob ${MASK}`,
    );
    expect(maskOriginalScript("key=ABCDEF", "key={{prefix}}{{rest}}", ["rest"])).toBe("key=ABCDEF".replace("ABCDEF", MASK));
  });

  it("shows the templated body with sensitive references masked when the two don't line up", () => {
    const masked = maskOriginalScript("Set-Secret -Value 'p@ss' # tweaked", "Set-Secret -Value '{{secret}}' -Name {{name}}", ["secret"]);
    expect(masked).toBe(`Set-Secret -Value '${MASK}' -Name {{name}}`);
  });

  it("reads sensitive names from a stored list leniently", () => {
    const stored = [{ name: "pw", type: "secret" }, { name: "token", sensitive: true, type: "weird" }, { name: "host", sensitive: false }, "junk", null];
    expect(sensitiveParameterNames(stored)).toEqual(["pw", "token"]);
    expect(sensitiveParameterNames({})).toEqual([]);
  });
});
