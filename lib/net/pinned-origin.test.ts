import { describe, expect, it } from "vitest";
import { createPinnedOrigin } from "@/lib/net/pinned-origin";
import type { LookupAll } from "@/lib/net/resolve-address";

const signal = () => AbortSignal.timeout(5_000);

describe("createPinnedOrigin", () => {
  it("resolves and checks the host once, then reuses that address", async () => {
    const asked: string[] = [];
    const lookup: LookupAll = async (hostname) => {
      asked.push(hostname);
      return [{ address: asked.length === 1 ? "52.1.2.3" : "10.0.0.1", family: 4 }];
    };
    const origin = createPinnedOrigin(new URL("https://api-na.myconnectwise.net"), { allowHosts: [], lookup });
    await expect(origin.address(signal())).resolves.toEqual({ address: "52.1.2.3", family: 4 });
    // A later DNS answer (a rebinding to a private address) is never asked for.
    await expect(origin.address(signal())).resolves.toEqual({ address: "52.1.2.3", family: 4 });
    expect(asked).toEqual(["api-na.myconnectwise.net"]);
  });

  it("refuses a name resolving to a private address, and tries again next time", async () => {
    let answer = "192.168.1.20";
    const lookup: LookupAll = async () => [{ address: answer, family: 4 }];
    const origin = createPinnedOrigin(new URL("https://cw.example.com"), { allowHosts: [], lookup, publicOnly: "FlowPilot only connects to public addresses" });
    await expect(origin.address(signal())).rejects.toThrow("cw.example.com resolves to 192.168.1.20, a private or reserved address; FlowPilot only connects to public addresses.");
    answer = "52.1.2.3";
    await expect(origin.address(signal())).resolves.toMatchObject({ address: "52.1.2.3" });
  });

  it("lets an allow-listed test host resolve to loopback", async () => {
    const lookup: LookupAll = async () => [{ address: "127.0.0.1", family: 4 }];
    const origin = createPinnedOrigin(new URL("http://127.0.0.1:4000"), { allowHosts: ["127.0.0.1"], lookup });
    await expect(origin.address(signal())).resolves.toMatchObject({ address: "127.0.0.1" });
  });
});
