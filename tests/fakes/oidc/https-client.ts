import { request } from "node:https";

export type HttpsReply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A bare HTTPS client with a cookie jar, for driving the fake the way a browser and a
 * relying party would, without any OpenID library in between. Never follows redirects.
 */
export class HttpsClient {
  readonly #cookies = new Map<string, string>();

  constructor(private readonly ca: string) {}

  async send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpsReply> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { ...(cookie ? { cookie } : {}), ...init.headers };
    const reply = await new Promise<HttpsReply>((resolve, reject) => {
      const req = request(url, { method: init.method ?? "GET", headers, ca: this.ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(init.body);
    });
    for (const line of [reply.headers["set-cookie"] ?? []].flat()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      const [name, value] = [pair!.slice(0, separator).trim(), pair!.slice(separator + 1)];
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.#cookies.set(name, value);
      else this.#cookies.delete(name);
    }
    return reply;
  }

  /** The absolute target of a redirect reply; throws when the reply isn't one. */
  static location(reply: HttpsReply, base: string): URL {
    const target = reply.headers.location;
    if (reply.status < 300 || reply.status >= 400 || typeof target !== "string") {
      throw new Error(`Expected a redirect, got ${reply.status}: ${reply.body.slice(0, 300)}`);
    }
    return new URL(target, base);
  }
}
