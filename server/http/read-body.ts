import { tooLargeMessage } from '@/lib/interchange/parse';

export type LimitedBody = { ok: true; text: string } | { ok: false; response: Response };

/**
 * Reads a request body as UTF-8 text, refusing one over `limit` bytes: first from Content-Length,
 * then from the bytes actually received (the header can be missing or wrong), without reading past the limit.
 */
export async function readLimitedText(request: Request, limit: number, what: string): Promise<LimitedBody> {
  const tooLarge = (size: number) => ({
    ok: false as const,
    response: Response.json({ error: tooLargeMessage(size, limit, what), limit }, { status: 413 }),
  });
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
