import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/server/auth/current-user';
import { ShortcutsToggle } from '@/components/ShortcutsToggle';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireUser();
  return (
    <>
      <h1>Settings</h1>
      <section className="panel" aria-labelledby="keyboard">
        <h2 id="keyboard">Keyboard</h2>
        <ShortcutsToggle />
      </section>
      <section className="panel" aria-labelledby="tokens">
        <h2 id="tokens">API tokens</h2>
        <p>
          <Link href="/settings/tokens">Your API tokens</Link>: for scripts, feed readers and calendars.
        </p>
      </section>
    </>
  );
}
