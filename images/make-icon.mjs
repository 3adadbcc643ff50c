// Writes images/icon.png (run: node images/make-icon.mjs images/icon.png). Kept so the icon can be changed without an image editor.
// 128x128 RGBA PNG: a rounded navy tile with a white speech bubble and a teal check bar. No downloads.
import zlib from 'node:zlib';
import fs from 'node:fs';
const W = 128,
  H = 128;
const px = Buffer.alloc(W * H * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * W + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
const inRound = (x, y, x0, y0, x1, y1, rad) => {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad),
    cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
};
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    let c = [0, 0, 0, 0];
    if (inRound(x, y, 4, 4, 123, 123, 22)) c = [11, 30, 63, 255];
    const bubble =
      inRound(x, y, 22, 26, 106, 86, 16) || (x >= 34 && x <= 56 && y >= 84 && y <= 104 && x - 34 >= (y - 84) * 1.1);
    if (bubble) c = [255, 255, 255, 255];
    // three "lines" of config in the bubble
    for (const [ly, len, col] of [
      [40, 56, [0, 168, 150, 255]],
      [54, 40, [11, 30, 63, 255]],
      [68, 48, [11, 30, 63, 255]],
    ])
      if (y >= ly && y < ly + 7 && x >= 36 && x < 36 + len) c = col;
    set(x, y, c);
  }
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0;
  px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
}
const crcT = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc = (b) => {
  let c = -1;
  for (const x of b) c = crcT[(c ^ x) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (t, d) => {
  const l = Buffer.alloc(4);
  l.writeUInt32BE(d.length);
  const td = Buffer.concat([Buffer.from(t), d]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([l, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8;
ihdr[9] = 6;
fs.writeFileSync(
  process.argv[2],
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
