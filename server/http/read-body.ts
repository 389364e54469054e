import { problem, RouteError } from './problem';
import { tooLargeMessage } from '@/lib/interchange/parse';

// The refusal both as an error (the route helper throws it) and as the answer it becomes.
export type LimitedBody = { ok: true; text: string } | { ok: false; refusal: RouteError; response: Response };

/**
 * Reads a request body as UTF-8 text, refusing one over `limit` bytes: first from Content-Length,
 * then from the bytes actually received (the header can be missing or wrong), without reading past the limit,
 * so that nothing oversize is ever held in memory or handed to a parser.
 */
export async function readLimitedText(request: Request, limit: number, what: string): Promise<LimitedBody> {
  const tooLarge = (size: number) => {
    const refusal = new RouteError(413, tooLargeMessage(size, limit, what), { limit });
    return { ok: false as const, refusal, response: problem(refusal.status, refusal.message, refusal.detail) };
  };
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) return tooLarge(declared);
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge(size);
    }
    parts.push(value);
  }
  return { ok: true, text: Buffer.concat(parts).toString('utf8') };
}
