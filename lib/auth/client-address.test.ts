import { describe, expect, it } from "vitest";
import { clientAddress, maskAddress, normalizeAddress, UNKNOWN_ADDRESS } from "@/lib/auth/client-address";

const from = (headers: Record<string, string>) => clientAddress(new Headers(headers));

describe("clientAddress", () => {
  it("reads the right-most x-forwarded-for hop, the one the closest proxy wrote", () => {
    // The first hops are whatever the client sent; only the last was written by our proxy.
    expect(from({ "x-forwarded-for": "198.51.100.9, 10.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(from({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("prefers x-forwarded-for over x-real-ip, and uses x-real-ip without it", () => {
    expect(from({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.9" })).toBe("203.0.113.7");
    expect(from({ "x-real-ip": "198.51.100.9" })).toBe("198.51.100.9");
  });

  it("falls back to the fixed unknown key without a usable address", () => {
    expect(from({})).toBe(UNKNOWN_ADDRESS);
    expect(from({ "x-forwarded-for": "" })).toBe(UNKNOWN_ADDRESS);
    // A garbage last hop is not replaced by x-real-ip, which the client may have sent.
    expect(from({ "x-forwarded-for": "203.0.113.7, not-an-ip", "x-real-ip": "198.51.100.9" })).toBe(UNKNOWN_ADDRESS);
  });

  it("reads a Request's headers too", () => {
    expect(clientAddress(new Request("http://localhost/", { headers: { "x-forwarded-for": "203.0.113.7" } }))).toBe("203.0.113.7");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["[::ffff:cb00:7107]:443", "203.0.113.7"],
    ["2001:db8:0:1:aaaa:bbbb:cccc:dddd", "2001:db8:0:1::/64"],
    ["2001:DB8:0:1::42", "2001:db8:0:1::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["[2001:db8:0:1::1]:8443", "2001:db8:0:1::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("keys %j as %j", (raw, key) => {
    expect(normalizeAddress(raw)).toBe(key);
  });

  it("keys every address of one IPv6 /64 the same, so rotating within it doesn't help", () => {
    expect(normalizeAddress("2001:db8:0:1::1")).toBe(normalizeAddress("2001:db8:0:1:ffff:ffff:ffff:ffff"));
    expect(normalizeAddress("2001:db8:0:1::1")).not.toBe(normalizeAddress("2001:db8:0:2::1"));
  });

  it.each(["", "unknown", "*", "999.1.1.1", "203.0.113", "1.2.3.4, 5.6.7.8", "2001:db8::1::2"])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("maskAddress", () => {
  it("drops an IPv4 address's last byte and leaves a /64 as it is", () => {
    expect(maskAddress("203.0.113.7")).toBe("203.0.113.x");
    expect(maskAddress("2001:db8:0:1::/64")).toBe("2001:db8:0:1::/64");
    expect(maskAddress(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});
