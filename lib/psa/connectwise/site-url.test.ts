import { describe, expect, it } from "vitest";
import { connectWiseApiBase, connectWiseSiteProblem, normaliseConnectWiseSite } from "@/lib/psa/connectwise/site-url";

describe("connectWiseSiteProblem", () => {
  it.each(["na.myconnectwise.net", "https://api-na.myconnectwise.net", "https://api-eu.myconnectwise.net/v4_6_release/apis/3.0/", "cw.example-msp.com", "https://cw.example-msp.com:8443"])(
    "accepts %s",
    (raw) => {
      expect(connectWiseSiteProblem(raw, [])).toBeNull();
    },
  );

  it.each([
    ["empty", "  ", /Enter the ConnectWise site/],
    ["not a URL", "https://", /Enter the ConnectWise site/],
    ["http", "http://api-na.myconnectwise.net", /must start with https/],
    ["userinfo", "https://acme+pub:priv@api-na.myconnectwise.net", /user name or password/],
    ["localhost", "localhost:3000", /can't be localhost/],
    ["loopback", "https://127.0.0.1", /can't be 127\.0\.0\.1/],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/", /must start with https/],
    ["cloud metadata over https", "169.254.169.254", /can't be 169\.254\.169\.254/],
    ["a private address", "https://10.0.0.12", /private network/],
    ["172.16/12", "172.20.1.1", /private network/],
    ["192.168/16", "https://192.168.1.50", /private network/],
    ["IPv6 loopback", "https://[::1]", /private network/],
    ["IPv6 link-local", "https://[fe80::1]", /private network/],
    ["IPv4-mapped loopback", "https://[::ffff:127.0.0.1]", /private network/],
  ])("refuses %s", (_name, raw, message) => {
    expect(connectWiseSiteProblem(raw, [])).toMatch(message);
  });

  it("lets allow-listed test hosts use http on loopback", () => {
    expect(connectWiseSiteProblem("http://127.0.0.1:4010", ["127.0.0.1"])).toBeNull();
    expect(connectWiseSiteProblem("http://127.0.0.1:4010", [])).toMatch(/https/);
  });
});

describe("normaliseConnectWiseSite", () => {
  it.each([
    ["na.myconnectwise.net", "https://api-na.myconnectwise.net"],
    ["https://eu.myconnectwise.net/", "https://api-eu.myconnectwise.net"],
    ["https://api-au.myconnectwise.net/v4_6_release/apis/3.0/service/tickets?x=1#y", "https://api-au.myconnectwise.net"],
    ["staging.connectwisedev.com", "https://api-staging.connectwisedev.com"],
    ["CW.Example-MSP.com:8443/login", "https://cw.example-msp.com:8443"],
  ])("%s → %s", (raw, origin) => {
    expect(normaliseConnectWiseSite(raw, []).href).toBe(`${origin}/`);
  });

  it("throws the problem for a refused site, and builds the API base", () => {
    expect(() => normaliseConnectWiseSite("https://localhost", [])).toThrow(/localhost/);
    expect(connectWiseApiBase(new URL("https://api-na.myconnectwise.net")).href).toBe("https://api-na.myconnectwise.net/v4_6_release/apis/3.0");
  });
});
