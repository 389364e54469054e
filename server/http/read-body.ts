import { problem, RouteError } from './problem';
import { tooLargeMessage } from '@/lib/interchange/parse';

// The refusal both as an error (the route helper throws it) and as the answer it becomes.
type Refused = { ok: false; refusal: RouteError; response: Response };
export type LimitedBytes = { ok: true; bytes: Buffer } | Refused;
export type LimitedBody = { ok: true; text: string } | Refused;

/**
 * The one way a body is read, whoever reads it (apiRoute, next-auth's routes, the page proxy for server
 * actions): refused with 413 when over `limit` bytes, first from Content-Length, then from the bytes actually
 * received (the header can be missing, as in a chunked upload), without reading past the limit, so that
 * nothing oversize is ever held in memory or handed to a parser.
 */
export async function readLimitedBytes(request: Request, limit: number, what: string): Promise<LimitedBytes> {
  const tooLarge = (size: number): Refused => {
    const refusal = new RouteError(413, tooLargeMessage(size, limit, what), { limit });
    return { ok: false, refusal, response: problem(refusal.status, refusal.message, refusal.detail) };
  };
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) return tooLarge(declared);
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not cancelled: that destroys the connection, and with the client's bytes still arriving the kernel resets
      // it, often before the 413 has left. Left unread, the body stops at the socket's buffers and the client
      // gets its answer; it closes the connection, or the server's request timeout does.
      reader.releaseLock();
      return tooLarge(size);
    }
    parts.push(value);
  }
  return { ok: true, bytes: Buffer.concat(parts) };
}

/** The body as UTF-8 text, within `limit` bytes (readLimitedBytes). */
export async function readLimitedText(request: Request, limit: number, what: string): Promise<LimitedBody> {
  const body = await readLimitedBytes(request, limit, what);
  return body.ok ? { ok: true, text: body.bytes.toString('utf8') } : body;
}

/** The Content-Length the client declared, or null when it sent none (or nonsense, which Node refuses anyway). */
export function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header);
}
