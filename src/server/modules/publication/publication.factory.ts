/* Test-only helpers for the publication suites: risks created through the risks service (the
 * feature that owns them) and a real PNG built in memory. */
import { deflateSync } from 'node:zlib';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { riskInputSchema } from '../../../schemas/risks.js';
import { createRiskInTransaction, recomputePostLevel } from '../risks/risks.service.js';

export async function createAcceptedRisk(
  deps: AppDeps,
  enterpriseId: string,
  input: { postId: string; areaId?: string | null; lec: [number, number, number]; name: string; accidentTypeCodes?: string[]; measures?: unknown[]; responsiblePersonId?: string | null },
): Promise<string> {
  const parsed = riskInputSchema.parse({
    postId: input.postId,
    objectKind: 'activity',
    objectName: input.name,
    areaId: input.areaId ?? null,
    hazardFactorCodes: ['1'],
    accidentTypeCodes: input.accidentTypeCodes ?? ['03'],
    causes: '防护装置缺失',
    evaluation: { method: 'LEC', L: input.lec[0], E: input.lec[1], C: input.lec[2] },
    responsiblePersonId: input.responsiblePersonId ?? null,
    measures: input.measures ?? [],
  });
  return withTransaction(deps.db, async (trx) => {
    const { riskId } = await createRiskInTransaction(deps, trx, { userId: null, enterpriseId }, parsed, { status: 'accepted' });
    await recomputePostLevel(trx, enterpriseId, input.postId, deps.clock.now());
    return riskId;
  });
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of the given size: light grey with a darker grid, enough to look like a plan. */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const isLine = x % 40 === 0 || y % 40 === 0 || x === width - 1 || y === height - 1;
      raw.fill(isLine ? 120 : 245, row + 1 + x * 3, row + 4 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
