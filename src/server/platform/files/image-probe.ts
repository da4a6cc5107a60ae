/* Reads the type and size of an image from its bytes, never from the Content-Type header a client
 * chose: PNG by its 8-byte signature and IHDR chunk, JPEG by SOI and the first SOFn marker. */

export type ImageMime = 'image/png' | 'image/jpeg';

export interface ImageProbe {
  mime: ImageMime;
  width: number;
  height: number;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function probePng(buf: Buffer): ImageProbe | null {
  if (buf.length < 24 || !buf.subarray(0, 8).equals(pngSignature)) return null;
  if (buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  return width > 0 && height > 0 ? { mime: 'image/png', width, height } : null;
}

function probeJpeg(buf: Buffer): ImageProbe | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8 || buf[2] !== 0xff) return null;
  let offset = 2;
  while (offset + 9 < buf.length) {
    if (buf[offset] !== 0xff) return null;
    const marker = buf[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = buf.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = buf.readUInt16BE(offset + 5);
      const width = buf.readUInt16BE(offset + 7);
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : null;
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

export function probeImage(buf: Buffer): ImageProbe | null {
  return probePng(buf) ?? probeJpeg(buf);
}
