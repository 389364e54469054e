import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_HEADER, UNKNOWN_PEER } from '@/server/http/client-address';
import { parseConfig } from '@/server/config';

const headers = (peer: string | undefined, forwarded?: string) => ({ ...(peer !== undefined ? { [PEER_HEADER]: peer } : {}), ...(forwarded !== undefined ? { 'x-forwarded-for': forwarded } : {}) });
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));

describe('the address the login limit counts by', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { maxLength: 5 }), (peer, forwarded) => {
        expect(clientAddress(headers(peer, forwarded.join(', ')), 0)).toBe(peer);
      }),
    );
    expect(clientAddress(new Headers(headers('::ffff:10.1.2.3', '203.0.113.9')), 0)).toBe('10.1.2.3');
  });

  it('is the entry the outermost trusted proxy wrote: the Nth from the right, counting the peer', () => {
    const sent = headers('10.0.0.2', 'spoofed-by-client, 198.51.100.7, 10.0.0.1');
    expect(clientAddress(sent, 1)).toBe('10.0.0.1');
    expect(clientAddress(sent, 2)).toBe('198.51.100.7');
    // Fewer entries than proxies: the leftmost, which a client could have written, but nothing further left exists.
    expect(clientAddress(headers('10.0.0.2', '198.51.100.7'), 3)).toBe('198.51.100.7');
    expect(clientAddress(headers('10.0.0.2'), 1)).toBe('10.0.0.2');
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { maxLength: 4 }), ipv4, fc.integer({ min: 1, max: 4 }), (client, proxies, peer, trusted) => {
        // Whatever a client prepends, the entry the trusted proxies wrote decides.
        const chain = [client, ...proxies];
        const expected = trusted <= chain.length ? chain[chain.length - trusted] : chain[0];
        expect(clientAddress(headers(peer, ['forged', ...chain].join(',')), trusted)).toBe(trusted <= chain.length ? expected : 'forged');
      }),
    );
  });

  it('writes an IPv4 address reached over IPv6 as IPv4, and leaves any other address as it is', () => {
    expect(clientAddress(headers('::ffff:10.100.200.250'), 0)).toBe('10.100.200.250');
    expect(clientAddress(headers(' ::ffff:192.0.2.1 '), 0)).toBe('192.0.2.1');
    for (const address of ['2001:db8::ffff:1.2.3.4', '::ffff:1.2.3.4.5', '::ffff:1.2.3', '::1']) expect(clientAddress(headers(address), 0)).toBe(address);
  });

  it('is one shared bucket, never the client’s word, when the peer is unknown', () => {
    expect(UNKNOWN_PEER).toBe('unknown');
    expect(clientAddress(headers(undefined, '203.0.113.5'), 0)).toBe(UNKNOWN_PEER);
    expect(clientAddress(undefined, 0)).toBe(UNKNOWN_PEER);
  });

  it('comes from TRUST_PROXY, 0 unless set, a whole number up to 10', () => {
    const read = (value?: string) => parseConfig(value === undefined ? {} : { TRUST_PROXY: value });
    expect(read()).toMatchObject({ ok: true, config: { TRUST_PROXY: 0 } });
    expect(read('2')).toMatchObject({ ok: true, config: { TRUST_PROXY: 2 } });
    expect(read('yes')).toEqual({ ok: false, problems: ['TRUST_PROXY must be the number of proxies in front of the server (0–10), not "yes".'] });
    expect(read('11')).toMatchObject({ ok: false });
  });
});
