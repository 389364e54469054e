import http from 'node:http';
import { PEER_HEADER } from './client-address';

let installed = false;

/**
 * Writes the socket's peer address into every request's headers as PEER_HEADER, replacing whatever the
 * client sent under that name. A Next 16 route handler is given a Web Request, which carries no socket
 * (`request.ip` is gone since Next 15), and Next fills X-Forwarded-For from the socket only when the client
 * sent none; the server's own 'request' event is the one place that still sees the socket. Called once, from
 * instrumentation.ts, before the server serves (the requests of the first moments wait for it; one that got
 * in before has no header and counts as UNKNOWN_PEER).
 */
export function installPeerAddress(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
