/* Photos are evidence (issue 5 §3): the server, not the phone, decides their size and stamps the time
 * it received them, the place and the person onto the pixels. */
import { loadSharp } from '../../platform/lazy-modules.js';

export const maxPhotoBytes = 8 * 1024 * 1024;
export const maxPhotoEdge = 1600;
export const photoMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof photoMimes)[number];

/** What the bytes are, by their magic numbers; the declared Content-Type must agree. */
export function sniffImage(bytes: Buffer): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

function overlaySvg(width: number, height: number, lines: string[]): Buffer {
  const fontSize = Math.max(14, Math.round(Math.min(width, height) / 32));
  const lineHeight = Math.round(fontSize * 1.35);
  const barHeight = lineHeight * lines.length + Math.round(fontSize * 0.6);
  const top = height - barHeight;
  const texts = lines
    .map((line, i) => `<text x="${Math.round(fontSize * 0.5)}" y="${top + lineHeight * (i + 1)}">${escapeXml(line)}</text>`)
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="0" y="${top}" width="${width}" height="${barHeight}" fill="#000" fill-opacity="0.5"/>` +
      `<g font-family="Noto Sans CJK SC, sans-serif" font-size="${fontSize}" fill="#fff">${texts}</g></svg>`,
  );
}

/** Decodes (refusing decompression bombs), turns upright, fits in 1600 px, stamps, re-encodes as JPEG. */
export async function stampPhoto(input: Buffer, lines: string[]): Promise<{ data: Buffer; width: number; height: number }> {
  const resized = await loadSharp()(input, { limitInputPixels: 50_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: maxPhotoEdge, height: maxPhotoEdge, fit: 'inside', withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  const { width, height } = resized.info;
  const data = await loadSharp()(resized.data)
    .composite([{ input: overlaySvg(width, height, lines), top: 0, left: 0 }])
    .jpeg({ quality: 82 })
    .toBuffer();
  return { data, width, height };
}
