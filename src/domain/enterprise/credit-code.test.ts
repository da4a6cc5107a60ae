import { describe, expect, it } from 'vitest';
import { creditCodeCharset, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('isValidCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])('accepts the real code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects a code whose check character is wrong', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91110000600037341K')).toBe(false);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects a code containing %s, which GB 32100 excludes', (ch) => {
    expect(isValidCreditCode(`91350100M000100Y4${ch}`)).toBe(false);
    expect(isValidCreditCode(`9135010${ch}M000100Y43`)).toBe(false);
  });

  it('rejects codes of the wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('rejects lower case and spaces until normalised', () => {
    expect(isValidCreditCode('91110000600037341l')).toBe(false);
    expect(isValidCreditCode(' 91110000600037341L')).toBe(false);
    expect(isValidCreditCode(normalizeCreditCode(' 9111 0000 6000 3734 1l '))).toBe(true);
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the check character of real codes', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
  });

  it('gives 0 when the weighted sum is a multiple of 31', () => {
    // Vary the 17th character (weight 28) until the sum is ≡ 0 (mod 31).
    const body16 = '9111000060003734';
    const found = [...creditCodeCharset].map((c) => body16 + c).find((b) => creditCodeCheckChar(b) === '0');
    expect(found).toBeDefined();
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });

  it('uses only the 31 allowed characters', () => {
    expect(creditCodeCharset).toHaveLength(31);
    expect(creditCodeCharset).not.toMatch(/[IOZSV]/);
  });

  it('rejects a body that is not 17 allowed characters', () => {
    expect(() => creditCodeCheckChar('9111000060003734')).toThrow(expect.objectContaining({ code: 'INVALID_CREDIT_CODE' }));
    expect(() => creditCodeCheckChar('9111000060003734O')).toThrow(expect.objectContaining({ code: 'INVALID_CREDIT_CODE' }));
  });
});
