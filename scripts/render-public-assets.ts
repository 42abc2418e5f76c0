/**
 * Renders the raster files in public/ from app/icon.svg, the one source of the FlowPilot mark:
 * the PWA icons, /favicon.ico for clients that ask for it by name, and the 1200×630 social image.
 * Run after changing the mark: `npx tsx scripts/render-public-assets.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(__dirname, "..");
const mark = readFileSync(path.join(root, "app", "icon.svg"), "utf8").trim();
const publicDir = path.join(root, "public");

/** The mark as a square PNG of `size` pixels; `padding` (a share of the size) keeps it inside a maskable icon's safe zone. */
function markPng(size: number, padding = 0): Promise<Buffer> {
  const inner = Math.round(size * (1 - 2 * padding));
  const icon = sharp(Buffer.from(mark), { density: (72 * inner) / 32 }).resize(inner, inner);
  if (!padding) return icon.png().toBuffer();
  return icon.toBuffer().then((png) =>
    sharp({ create: { width: size, height: size, channels: 4, background: "#4f46e5" } })
      .composite([{ input: png }])
      .png()
      .toBuffer(),
  );
}

/** A one-image .ico holding a PNG (every current browser reads PNG-in-ICO). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image starts right after this header
  return Buffer.concat([header, png]);
}

const socialImage = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#312e81"/><stop offset="1" stop-color="#4f46e5"/></linearGradient></defs>
  <rect width="1200" height="630" fill="url(#bg)"/>
  <g transform="translate(96 150) scale(5)">${mark.replace(/^<svg[^>]*>|<\/svg>$/g, "").replace('fill="#4f46e5"', 'fill="#6366f1"')}</g>
  <text x="96" y="400" font-family="DejaVu Sans, Arial, sans-serif" font-size="88" font-weight="700" fill="#ffffff">FlowPilot</text>
  <text x="96" y="470" font-family="DejaVu Sans, Arial, sans-serif" font-size="32" fill="#c7d2fe">AI-guided troubleshooting and escalation for MSP engineers</text>
</svg>`;

async function main() {
  writeFileSync(path.join(publicDir, "icon-192.png"), await markPng(192));
  writeFileSync(path.join(publicDir, "icon-512.png"), await markPng(512));
  writeFileSync(path.join(publicDir, "icon-maskable-512.png"), await markPng(512, 0.1));
  writeFileSync(path.join(publicDir, "favicon.ico"), icoOf(await markPng(32), 32));
  writeFileSync(path.join(publicDir, "og-image.png"), await sharp(Buffer.from(socialImage)).png().toBuffer());
  console.log("Rendered public/icon-192.png, icon-512.png, icon-maskable-512.png, favicon.ico and og-image.png from app/icon.svg.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
