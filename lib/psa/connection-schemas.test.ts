import { describe, expect, it } from "vitest";
import { savePsaConnectionInput } from "@/lib/psa/connection-schemas";

const valid = { site_url: "https://api-na.myconnectwise.net", company_id: "acme", public_key: "PublicKey123", private_key: "PrivateKey456", client_id: "c1" };

const messagesOf = (input: unknown) => {
  const parsed = savePsaConnectionInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("savePsaConnectionInput", () => {
  it("defaults the provider to connectwise and stores the site as its API origin", () => {
    expect(savePsaConnectionInput.parse(valid)).toMatchObject({ provider: "connectwise", site_url: "https://api-na.myconnectwise.net" });
    expect(savePsaConnectionInput.parse({ ...valid, site_url: " na.myconnectwise.net " }).site_url).toBe("https://api-na.myconnectwise.net");
    expect(savePsaConnectionInput.parse({ ...valid, site_url: "https://cw.example.com/v4_6_release/apis/3.0/" }).site_url).toBe("https://cw.example.com");
  });

  it("treats blank or missing keys as 'keep the stored one' and trims the rest", () => {
    expect(savePsaConnectionInput.parse({ ...valid, public_key: "", private_key: undefined, company_id: "  acme " })).toMatchObject({ public_key: undefined, private_key: undefined, company_id: "acme" });
  });

  it("explains each refusal without repeating the keys", () => {
    const messages = messagesOf({ site_url: "http://169.254.169.254", company_id: "", public_key: "short", private_key: 42, client_id: "c1", provider: "halo" });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^provider: The only PSA supported today is ConnectWise/),
        expect.stringMatching(/^site_url: /),
        "company_id: Enter the ConnectWise company id (the one you sign in with).",
        "public_key: The public API key is at least 8 characters; paste the whole key ConnectWise showed you.",
        "private_key: Enter the private API key as text.",
      ]),
    );
    expect(messages.join(" ")).not.toContain("short");
  });

  it.each(["https://localhost", "https://127.0.0.1", "https://[::1]:8443", "https://192.168.1.10", "ftp://cw.example.com", "http://cw.example.com"])("refuses %s", (site) => {
    expect(messagesOf({ ...valid, site_url: site })[0]).toMatch(/^site_url: /);
  });
});
