/* Large packages that few requests need, loaded at their first use rather than at every start:
 * together they cost an idle server about 40 MB of RSS (sharp maps libvips; archiver and unzipper
 * pull in their stream libraries). exceljs and docx load the same way inside platform/exports. */
import { createRequire } from 'node:module';
import type Archiver from 'archiver';
import type Sharp from 'sharp';
import type Unzipper from 'unzipper';

const requireHere = createRequire(import.meta.url);

function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}

/** `sharp()` — the image library (photo stamps, thumbnails, signatures, the risk-map picture). */
export const loadSharp = lazy<typeof Sharp>('sharp');
/** `archiver()` — writes .zip files (backups, the enterprise export). */
export const loadArchiver = lazy<typeof Archiver>('archiver');
/** `unzipper` — reads a backup .zip on restore. */
export const loadUnzipper = lazy<typeof Unzipper>('unzipper');
