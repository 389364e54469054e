import { createHash } from 'node:crypto';

/**
 * An article's archived copy is evidence: its SHA-256 (of the text as UTF-8) is what lets a later reader, or
 * another tracker importing it, tell that the text kept is the text the analyst reviewed.
 */
export function archiveDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether a copy still reads as the text its digest was taken of. */
export const copyIsIntact = (copy: { text: string; sha256: string }): boolean => archiveDigest(copy.text) === copy.sha256.toLowerCase();
