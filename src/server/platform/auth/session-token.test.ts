import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSessionToken, sessionIdOf } from './session-token.js';

describe('sessionIdOf', () => {
  it("is the token's SHA-256 every time, from memory or not (more tokens than it keeps)", () => {
    const tokens = Array.from({ length: 1500 }, () => newSessionToken());
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    for (const t of tokens) expect(sessionIdOf(t)).toBe(sha(t));
    for (const t of [...tokens].reverse()) expect(sessionIdOf(t)).toBe(sha(t));
    expect(sessionIdOf(tokens[0] as string)).not.toBe(sessionIdOf(tokens[1] as string));
  });
});
