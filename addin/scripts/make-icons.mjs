// Draws the add-in's ribbon and store icons (a green tile with three bars, one below the line:
// a variance chart) as PNGs, so the icons are reproducible without an image editor.
// Run: node addin/scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../assets/", import.meta.url));
mkdirSync(out, { recursive: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const green = [16, 124, 65];
const white = [255, 255, 255];
const amber = [255, 214, 102];

// Coordinates on a 16-unit grid, scaled to the icon size; 4x4 supersampling for smooth edges.
function shade(x, y) {
  const r = 3;
  const inTile = (() => {
    const cx = Math.min(Math.max(x, r), 16 - r);
    const cy = Math.min(Math.max(y, r), 16 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inTile) return null;
  const bars = [
    { x0: 3, x1: 5.5, y0: 5, y1: 10, c: white },
    { x0: 6.75, x1: 9.25, y0: 3, y1: 10, c: white },
    { x0: 10.5, x1: 13, y0: 10, y1: 13, c: amber },
  ];
  for (const b of bars) if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) return b.c;
  if (y >= 9.6 && y <= 10.4 && x >= 2.25 && x <= 13.75) return white;
  return green;
}

function pixel(px, py, size) {
  const s = 4;
  let acc = [0, 0, 0, 0];
  for (let i = 0; i < s; i++) {
    for (let j = 0; j < s; j++) {
      const x = ((px - 0.5 + (i + 0.5) / s) / size) * 16;
      const y = ((py - 0.5 + (j + 0.5) / s) / size) * 16;
      const c = shade(x, y);
      if (c) acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 1];
    }
  }
  const n = acc[3];
  if (n === 0) return [0, 0, 0, 0];
  return [Math.round(acc[0] / n), Math.round(acc[1] / n), Math.round(acc[2] / n), Math.round((255 * n) / (s * s))];
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`${out}icon-${size}.png`, png(size, pixel));
console.log(`icons written to ${out}`);
