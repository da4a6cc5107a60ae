import { DomainError } from '../domain-error';

// GB 32100-2015 统一社会信用代码: 18 characters from a 31-character set (no I, O, Z, S, V);
// the 18th is a check character over the first 17 (GB 32100-2015 §4, Annex: 校验码计算).
export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const creditCodeWeights: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const shape = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const bodyShape = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;

/** The check character for the first 17 characters; throws INVALID_CREDIT_CODE on bad input. */
export function creditCodeCheckChar(first17: string): string {
  if (!bodyShape.test(first17)) {
    throw new DomainError(
      'INVALID_CREDIT_CODE',
      'The first 17 characters must be digits or upper-case letters other than I, O, Z, S, V',
      'creditCode',
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += creditCodeCharset.indexOf(first17.charAt(i)) * (creditCodeWeights[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return check === 31 ? '0' : creditCodeCharset.charAt(check);
}

/** Strict: exactly 18 upper-case characters with a correct check character. Normalise user input first. */
export function isValidCreditCode(code: string): boolean {
  if (!shape.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** Trims and upper-cases what a user typed (codes are often entered in lower case or with spaces). */
export function normalizeCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
