import { describe, expect, it } from 'vitest';
import { captureTimeOf, photoUploadPath } from './photo-target';

describe('captureTimeOf', () => {
  const now = Date.parse('2026-11-23T08:00:00.000Z');
  it("keeps the file's own time (a gallery photo taken earlier)", () => {
    const file = new File(['x'], 'a.jpg', { lastModified: now - 3_600_000 });
    expect(captureTimeOf(file, now)).toBe('2026-11-23T07:00:00.000Z');
  });
  it('uses the moment it was chosen when the file time is missing or in the future', () => {
    expect(captureTimeOf(new File(['x'], 'a.jpg', { lastModified: 0 }), now)).toBe('2026-11-23T08:00:00.000Z');
    expect(captureTimeOf(new File(['x'], 'a.jpg', { lastModified: now + 3_600_000 }), now)).toBe('2026-11-23T08:00:00.000Z');
  });
});

describe('photoUploadPath', () => {
  it('names the place and the capture time, on the member or the public endpoint', () => {
    expect(photoUploadPath({ postId: 'p1' }, '2026-11-23T07:00:00.000Z')).toBe('/api/v1/attachments?postId=p1&capturedAt=2026-11-23T07%3A00%3A00.000Z');
    expect(photoUploadPath({ areaId: 'a1', url: '/api/v1/public/enterprises/e1/attachments' }, null)).toBe('/api/v1/public/enterprises/e1/attachments?areaId=a1');
    expect(photoUploadPath({}, null)).toBe('/api/v1/attachments');
  });
});

describe('photoUploadPath with a client key (issue 8 §9: 发送 before the upload ended sent the photo twice)', () => {
  it('sends the same key on the first upload and on the outbox retry', () => {
    const key = '6f1c2f0e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
    const first = photoUploadPath({ postId: 'p1' }, null, key);
    expect(first).toBe(`/api/v1/attachments?postId=p1&clientKey=${key}`);
    expect(photoUploadPath({ postId: 'p1' }, null, key)).toBe(first);
  });
});

