import { describe, expect, it } from "vitest";
import { isAllowListed, isPublicAddress, resolvePublicAddress, webhookUrlProblem, type LookupAll } from "@/lib/notifications/outbound-url";

describe("webhookUrlProblem", () => {
  it.each([
    ["slack", "https://hooks.slack.com/services/T1/B2/secret"],
    ["slack", "https://HOOKS.SLACK.COM/services/T1/B2/secret"],
    ["teams", "https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456"],
    ["teams", "https://outlook.office.com/webhook/abc/IncomingWebhook/def"],
    ["teams", "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x"],
    ["teams", "https://default123.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc"],
  ] as const)("accepts a %s URL: %s", (channel, url) => {
    expect(webhookUrlProblem(channel, url)).toBeNull();
  });

  it.each([
    ["not a URL", "slack", "hooks.slack.com/services/x", /full Slack webhook URL/],
    ["http", "slack", "http://hooks.slack.com/services/T1/B2/x", /https:\/\//],
    ["another scheme", "teams", "ftp://contoso.webhook.office.com/x", /https:\/\//],
    ["a look-alike host", "slack", "https://hooks.slack.com.evil.test/services/x", /not a Slack webhook host/],
    ["a suffix trick", "teams", "https://evilwebhook.office.com/x", /not a Microsoft Teams webhook host/],
    ["the bare Teams domain", "teams", "https://webhook.office.com/x", /not a Microsoft Teams webhook host/],
    ["a Teams URL in the Slack field", "slack", "https://contoso.webhook.office.com/webhookb2/x", /Microsoft Teams webhook URL; paste it into the Microsoft Teams field/],
    ["a Slack URL in the Teams field", "teams", "https://hooks.slack.com/services/x", /Slack webhook URL; paste it into the Slack field/],
    ["credentials", "slack", "https://user:pass@hooks.slack.com/services/x", /user name or password/],
    ["a non-standard port", "slack", "https://hooks.slack.com:8443/services/x", /remove :8443/],
    ["an IP address", "slack", "https://127.0.0.1/services/x", /127\.0\.0\.1 is not a Slack webhook host/],
    ["a loopback name", "teams", "https://localhost/x", /not a Microsoft Teams webhook host/],
  ] as const)("refuses %s", (_name, channel, url, message) => {
    expect(webhookUrlProblem(channel, url)).toMatch(message);
  });

  it("lets allow-listed test hosts through over http, on any port when no port is listed", () => {
    expect(webhookUrlProblem("slack", "http://127.0.0.1:4321/slack/x", ["127.0.0.1"])).toBeNull();
    expect(webhookUrlProblem("teams", "http://127.0.0.1:4321/teams/x", ["127.0.0.1:4321"])).toBeNull();
    expect(webhookUrlProblem("teams", "http://127.0.0.1:4322/teams/x", ["127.0.0.1:4321"])).toMatch(/https/);
    expect(webhookUrlProblem("slack", "file:///etc/passwd", ["127.0.0.1"])).toMatch(/https/);
  });
});

describe("isAllowListed", () => {
  it("matches host, or host and port (default ports included)", () => {
    expect(isAllowListed(new URL("http://receiver.test:8080/x"), ["receiver.test"])).toBe(true);
    expect(isAllowListed(new URL("http://receiver.test:8080/x"), ["receiver.test:8080"])).toBe(true);
    expect(isAllowListed(new URL("http://receiver.test/x"), ["receiver.test:80"])).toBe(true);
    expect(isAllowListed(new URL("https://receiver.test/x"), ["receiver.test:443"])).toBe(true);
    expect(isAllowListed(new URL("http://receiver.test:8081/x"), ["receiver.test:8080"])).toBe(false);
    expect(isAllowListed(new URL("http://other.test/x"), ["receiver.test"])).toBe(false);
    expect(isAllowListed(new URL("http://[::1]:9000/x"), ["[::1]:9000"])).toBe(true);
    expect(isAllowListed(new URL("http://receiver.test/x"), [])).toBe(false);
  });
});

describe("isPublicAddress", () => {
  it.each(["52.1.2.3", "8.8.8.8", "13.107.6.152", "2606:4700::1111", "2a01:111:f400::1", "::ffff:52.1.2.3", "64:ff9b::808:808"])(
    "allows %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ["unspecified", "0.0.0.0"],
    ["this network", "0.1.2.3"],
    ["private 10/8", "10.0.0.5"],
    ["private 172.16/12", "172.31.255.1"],
    ["private 192.168/16", "192.168.1.1"],
    ["CGNAT", "100.64.0.1"],
    ["loopback", "127.0.0.1"],
    ["loopback elsewhere in 127/8", "127.255.0.9"],
    ["link-local / cloud metadata", "169.254.169.254"],
    ["multicast", "224.0.0.251"],
    ["broadcast", "255.255.255.255"],
    ["documentation", "203.0.113.7"],
    ["IPv6 unspecified", "::"],
    ["IPv6 loopback", "::1"],
    ["IPv6 link-local", "fe80::1"],
    ["IPv6 link-local with zone", "fe80::1%eth0"],
    ["IPv6 unique-local", "fd12:3456::1"],
    ["IPv6 multicast", "ff02::1"],
    ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
    ["IPv4-mapped loopback in hex", "::ffff:7f00:1"],
    ["IPv4-mapped private", "::ffff:10.1.2.3"],
    ["IPv4-mapped metadata", "0:0:0:0:0:ffff:a9fe:a9fe"],
    ["NAT64 of a private address", "64:ff9b::10.0.0.1"],
    ["IPv4-compatible", "::127.0.0.1"],
    ["not an address", "hooks.slack.com"],
  ])("refuses %s (%s)", (_name, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe("resolvePublicAddress", () => {
  const lookupOf =
    (...addresses: string[]): LookupAll =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  const url = new URL("https://contoso.webhook.office.com/webhookb2/x");

  it("returns the first address when every address is public", async () => {
    await expect(resolvePublicAddress(url, { allowListed: false, lookup: lookupOf("52.1.2.3", "2606:4700::1") })).resolves.toEqual({
      address: "52.1.2.3",
      family: 4,
    });
  });

  it("refuses a name with any private address among public ones", async () => {
    await expect(resolvePublicAddress(url, { allowListed: false, lookup: lookupOf("52.1.2.3", "10.0.0.7") })).rejects.toThrow(
      /resolves to 10\.0\.0\.7, a private or reserved address/,
    );
  });

  it("refuses an IPv4-mapped loopback answer", async () => {
    await expect(resolvePublicAddress(url, { allowListed: false, lookup: lookupOf("::ffff:127.0.0.1") })).rejects.toThrow(/private or reserved/);
  });

  it("lets an allow-listed host resolve to loopback", async () => {
    await expect(resolvePublicAddress(url, { allowListed: true, lookup: lookupOf("127.0.0.1") })).resolves.toMatchObject({ address: "127.0.0.1" });
  });

  it("says so when the name doesn't resolve", async () => {
    const failing: LookupAll = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    await expect(resolvePublicAddress(url, { allowListed: false, lookup: failing })).rejects.toThrow(
      "Could not resolve contoso.webhook.office.com (ENOTFOUND); check the webhook URL.",
    );
    await expect(resolvePublicAddress(url, { allowListed: false, lookup: lookupOf() })).rejects.toThrow(/Could not resolve/);
  });
});
