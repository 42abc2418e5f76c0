/**
 * `npm start`'s server: Next's production request handler behind a plain Node HTTP server that
 * answers the escalation stream itself (lib/http/node-escalation-stream.ts). An open stream then
 * costs its socket and its feed rather than a whole Next request, so one process holds
 * thousands. Everything else, the stream's refusals included, behaves as under `next start`.
 * Listens on PORT (3000) and LISTEN_HOST (every interface when unset).
 */
import { createServer } from "node:http";

async function main() {
  // Read by Next and lib/env.ts as they load, so it is set before either is imported.
  Object.assign(process.env, { NODE_ENV: "production" });
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.LISTEN_HOST || undefined;
  const { default: next } = await import("next");
  const { isEscalationStreamRequest, serveEscalationStream } = await import("./lib/http/node-escalation-stream");

  const app = next({ dev: false, dir: __dirname, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    if (isEscalationStreamRequest(request)) return void serveEscalationStream(request, response);
    void handle(request, response);
  });
  server.listen(port, hostname, () => console.log(`▲ FlowPilot (Next.js production server) listening on http://${hostname ?? "localhost"}:${port}`));
  const stop = () => {
    server.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
