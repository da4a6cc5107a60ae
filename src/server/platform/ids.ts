import { uuidv7 } from 'uuidv7';

/** App-generated, time-ordered ids (UUIDv7), the same on both databases. */
export function newId(): string {
  return uuidv7();
}
