import { deflateSync } from "node:zlib";

/** CRC-32 (PNG chunks), table-driven. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A small greyscale PNG that looks like a table picture: a light background, darker rules for the
 * header and the rows, and grey blocks where the cells' numbers would be. No text at all: a table
 * printed as an image, as some reports paste a screenshot of a spreadsheet.
 */
export function tablePicture(width: number, height: number, rows: number, columns: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  const rowH = Math.max(4, Math.floor(height / (rows + 2)));
  const colW = Math.floor(width / (columns + 2));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let v = 250;
      if (y < rowH * 2) v = 215; // header band
      if (y % rowH === 0) v = 120; // row rules
      const inRow = y % rowH;
      const col = Math.floor(x / colW);
      if (y >= rowH * 2 && inRow > rowH * 0.3 && inRow < rowH * 0.75) {
        if (col < 2 && x % colW > 3) v = 170; // label block
        else if (col >= 2 && x % colW > colW * 0.35 && x % colW < colW - 3) v = 150; // number block
      }
      raw[y * (width + 1) + 1 + x] = v;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
