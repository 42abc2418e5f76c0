import { expect, test } from "./fixtures";

// What `npm start` compresses, asked as a browser asks (Accept-Encoding: gzip, deflate, br).
const acceptsGzip = { "accept-encoding": "gzip, deflate, br" };

test("short API answers come uncompressed; pages and long answers are still gzipped", async ({ request, requestAs }) => {
  const live = await request.get("/api/health/live", { headers: acceptsGzip });
  expect(live.headers()["content-encoding"]).toBeUndefined();
  expect(await live.json()).toEqual({ status: "ok" });

  const senior = await requestAs("senior");
  const me = await senior.get("/api/v1/me", { headers: acceptsGzip });
  expect(me.ok()).toBe(true);
  expect(me.headers()["content-encoding"]).toBeUndefined();
  const refused = await request.get("/api/v1/me", { headers: acceptsGzip });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-encoding"]).toBeUndefined();

  const list = await senior.get("/api/v1/ai-sessions?limit=25", { headers: acceptsGzip });
  expect((await list.body()).length).toBeGreaterThan(1024);
  expect(list.headers()["content-encoding"]).toBe("gzip");
  const page = await senior.get("/pilot", { headers: acceptsGzip });
  expect(page.headers()["content-encoding"]).toBe("gzip");
});
