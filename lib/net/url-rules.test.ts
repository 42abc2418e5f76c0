import { describe, expect, it } from "vitest";
import { isNonPublicHostLiteral } from "@/lib/net/public-address";
import { outboundUrlProblem } from "@/lib/net/url-rules";

const problem = (raw: string, allowHosts: string[] = []) => outboundUrlProblem(new URL(raw), allowHosts, "The site");

describe("outboundUrlProblem", () => {
  it("accepts a public https URL", () => {
    expect(problem("https://api-na.myconnectwise.net")).toBeNull();
    expect(problem("https://52.1.2.3:8443/x")).toBeNull();
  });

  it.each([
    ["http", "http://api-na.myconnectwise.net", /must start with https/],
    ["another scheme", "ftp://api-na.myconnectwise.net", /must start with https/],
    ["userinfo", "https://user:pass@api-na.myconnectwise.net", /user name or password/],
    ["a user name only", "https://admin@api-na.myconnectwise.net", /user name or password/],
    ["localhost", "https://localhost", /can't be localhost/],
    ["a .localhost name", "https://cw.localhost", /can't be cw\.localhost/],
    ["loopback", "https://127.0.0.1", /can't be 127\.0\.0\.1/],
    ["loopback elsewhere in 127/8", "https://127.1.2.3", /private network/],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data", /can't be 169\.254\.169\.254/],
    ["10/8", "https://10.1.2.3", /private network/],
    ["172.16/12", "https://172.16.0.5", /private network/],
    ["192.168/16", "https://192.168.0.10", /private network/],
    ["IPv6 loopback", "https://[::1]", /can't be ::1/],
    ["IPv6 link-local", "https://[fe80::1]", /private network/],
    ["IPv4-mapped loopback", "https://[::ffff:127.0.0.1]", /private network/],
    ["a decimal IPv4 literal", "https://2130706433", /private network/],
  ])("refuses %s", (_name, raw, message) => {
    expect(problem(raw)).toMatch(message);
  });

  it("lets allow-listed test hosts use http and loopback", () => {
    expect(problem("http://127.0.0.1:4321", ["127.0.0.1"])).toBeNull();
    expect(problem("http://127.0.0.1:4321", ["127.0.0.1:9999"])).toMatch(/https/);
    expect(problem("file:///etc/passwd", ["127.0.0.1"])).toMatch(/https/);
  });
});

describe("isNonPublicHostLiteral", () => {
  it("knows loopback names and non-public literals, and leaves other names to DNS", () => {
    expect(isNonPublicHostLiteral(new URL("https://LOCALHOST."))).toBe(true);
    expect(isNonPublicHostLiteral(new URL("https://0x7f.0.0.1"))).toBe(true);
    expect(isNonPublicHostLiteral(new URL("https://8.8.8.8"))).toBe(false);
    expect(isNonPublicHostLiteral(new URL("https://internal.example.com"))).toBe(false);
  });
});
