import type { Metadata } from 'next';
import './globals.css';
import { currentUser } from '@/server/auth/current-user';
import { SiteHeader } from '@/components/SiteHeader';
import { TimeZoneCookie } from '@/components/TimeZoneCookie';
import { UpdateShortcut } from '@/components/UpdateShortcut';
import { hasRole } from '@/lib/roles';

export const metadata: Metadata = {
  title: { default: 'Negotiation tracker', template: '%s · Negotiation tracker' },
  description: 'Track multi-party negotiations issue by issue.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main">{children}</main>
        {user && <TimeZoneCookie />}
        {user && hasRole(user.role, 'analyst') && <UpdateShortcut />}
      </body>
    </html>
  );
}
