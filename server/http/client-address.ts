/**
 * The header that carries the address of the TCP peer, set by the server itself for every request
 * (server/http/peer-address.ts), over any value the client sent under the same name.
 */
export const PEER_HEADER = 'x-tracker-peer-address';

/** When the peer is not known (a request that arrived before the server was ready): one shared bucket, never the client's word. */
export const UNKNOWN_PEER = 'unknown';

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string {
  if (!headers) return '';
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === 'string' ? value : '';
}

const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * Who is asking, for the per-address login limit. With no proxy in front (`trustProxy` 0, the default) it is
 * the socket's peer: X-Forwarded-For is the client's own word and would let it pick a fresh address for every
 * guess. Behind `trustProxy` proxies, each of which appends the address it received from, the entry that many
 * places from the right was written by the outermost of them (as Express's `trust proxy` counts): the client
 * may have written anything to its left, nothing to its right. Fewer entries than proxies: the leftmost.
 */
export function clientAddress(headers: HeaderSource, trustProxy: number): string {
  const peer = plain(header(headers, PEER_HEADER)) || UNKNOWN_PEER;
  const forwarded = header(headers, 'x-forwarded-for')
    .split(',')
    .map(plain)
    .filter(Boolean);
  // Right to left: the peer (the proxy nearest the app), then what each proxy in turn received from.
  const hops = [peer, ...forwarded.reverse()];
  return hops[Math.min(trustProxy, hops.length - 1)];
}
