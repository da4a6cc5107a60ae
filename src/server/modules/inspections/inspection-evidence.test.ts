import { describe, expect, it } from 'vitest';
import { hazardClientIdOf } from './inspection-hazards.service.js';
import { isLateRecord, maxCaptureToReceiptMs } from './inspection-records.service.js';
import { sniffImage } from './photo-stamp.js';

describe('isLateRecord', () => {
  const windowEnd = new Date('2026-11-23T16:00:00.000Z');
  const received = new Date('2026-11-23T10:00:00.000Z');

  it('is on time up to exactly 2 h between capture and receipt, late one millisecond after', () => {
    expect(isLateRecord(new Date(received.getTime() - maxCaptureToReceiptMs), received, windowEnd)).toBe(false);
    expect(isLateRecord(new Date(received.getTime() - maxCaptureToReceiptMs - 1), received, windowEnd)).toBe(true);
  });

  it('is late when received at or after the window end, even if captured a minute before', () => {
    expect(isLateRecord(new Date(windowEnd.getTime() - 60_000), new Date(windowEnd.getTime() - 1), windowEnd)).toBe(false);
    expect(isLateRecord(new Date(windowEnd.getTime() - 60_000), windowEnd, windowEnd)).toBe(true);
  });
});

describe('sniffImage', () => {
  it('names JPEG, PNG and WebP by their magic bytes and nothing else', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImage(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniffImage(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe('hazardClientIdOf', () => {
  it('derives the same UUID for the same record and different ones for different records', () => {
    const a = hazardClientIdOf('0198a1b2-0000-7000-8000-000000000001:item-1');
    expect(a).toBe(hazardClientIdOf('0198a1b2-0000-7000-8000-000000000001:item-1'));
    expect(a).not.toBe(hazardClientIdOf('0198a1b2-0000-7000-8000-000000000001:item-2'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
