/* A drawn signature is evidence (issue 11 §1: "stored as an image, stamped with time and device"):
 * the server checks it is a real, non-blank PNG of a sensible size, then stamps the signer, the
 * server time and the device under the strokes and stores the result as PNG. */
import type sharp from 'sharp';
import { maxSignatureBytes } from '../../../schemas/sign-offs.js';
import { AppError } from '../http/app-error.js';
import { fieldError } from '../http/validation.js';
import { loadSharp } from '../lazy-modules.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const maxSignatureEdge = 2000;

const notPng = () => new AppError('NOT_AN_IMAGE', { mime: 'image/png' }, [{ path: 'signatureImage', message: { 'zh-CN': '签名不是有效的 PNG 图片', 'en-US': 'The signature is not a valid PNG image' } }]);

export function decodeSignatureDataUrl(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > maxSignatureBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature)) throw notPng();
  return bytes;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** Checks and stamps; throws a field error the person understands for a blank or broken drawing. */
export async function stampSignature(png: Buffer, lines: string[]): Promise<{ data: Buffer; width: number; height: number }> {
  let flat: { data: Buffer; info: sharp.OutputInfo };
  try {
    const meta = await loadSharp()(png, { limitInputPixels: maxSignatureEdge * maxSignatureEdge, failOn: 'error' }).metadata();
    if (meta.format !== 'png' || !meta.width || !meta.height) throw notPng();
    if (meta.width > maxSignatureEdge || meta.height > maxSignatureEdge || meta.width < 40 || meta.height < 20) {
      throw fieldError('signatureImage', { 'zh-CN': '签名图片尺寸不合适（40×20 至 2000×2000 像素）', 'en-US': 'The signature image must be 40×20 to 2000×2000 pixels' });
    }
    // Strokes on a transparent canvas: flatten onto white before looking for ink.
    flat = await loadSharp()(png, { failOn: 'error' }).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notPng();
  }
  let inked = 0;
  for (const v of flat.data) if (v < 160) inked++;
  // A few stray dots are not a signature either.
  if (inked < 30) throw fieldError('signatureImage', { 'zh-CN': '签名为空，请在框内手写签名', 'en-US': 'The signature is blank; draw it in the box' });

  const { width, height } = flat.info;
  const fontSize = 14;
  const lineHeight = 18;
  const band = lineHeight * lines.length + 8;
  const texts = lines.map((line, i) => `<text x="6" y="${lineHeight * (i + 1)}">${escapeXml(line)}</text>`).join('');
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${band}">` +
      `<g font-family="Noto Sans CJK SC, sans-serif" font-size="${fontSize}" fill="#555">${texts}</g></svg>`,
  );
  const data = await loadSharp()(png)
    .flatten({ background: '#ffffff' })
    .extend({ bottom: band, background: '#ffffff' })
    .composite([{ input: svg, top: height, left: 0 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
  return { data, width, height: height + band };
}
