import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: a one-time password is read off paper or a screen and typed on a phone.
const readable = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password someone reads out or hands over on paper (≈ 50 bits). */
export function newOneTimePassword(length = 10): string {
  let out = '';
  for (let i = 0; i < length; i++) out += readable[randomInt(readable.length)];
  return out;
}

/** A login name for a person without a usable phone number: "u" and 7 readable characters. */
export function newUsername(): string {
  return `u${newOneTimePassword(7)}`;
}
