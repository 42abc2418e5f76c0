import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/psa/connection-test";

describe("redactSecrets", () => {
  it("replaces every occurrence of each secret and leaves the rest of the message", () => {
    expect(redactSecrets("401 for pubK123:privK456 (privK456)", ["privK456", "pubK123"])).toBe("401 for ••••:•••• (••••)");
  });

  it("ignores empty secrets", () => {
    expect(redactSecrets("ConnectWise answered 500", ["", "x-not-there"])).toBe("ConnectWise answered 500");
  });
});
