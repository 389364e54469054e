import { env } from '@/server/config';

// Links that leave the app (feed entries, calendar events) name it by its public address, NEXTAUTH_URL,
// never by the Host a request came with: behind a proxy that is the proxy's view of the app
// (http://localhost:3000), and a Host header is the client's to choose.

/** The app's public origin: "https://tracker.example.org". */
export function publicOrigin(): string {
  return new URL(env.NEXTAUTH_URL).origin;
}

/** The public host name, for identifiers that must be unique beyond this instance (calendar UIDs). */
export function publicHost(): string {
  return new URL(env.NEXTAUTH_URL).hostname;
}
