import Link from 'next/link';
import type { CurrentUser } from '@/lib/roles';
import { SignOutButton } from './SignOutButton';
import { HeaderSearch } from './HeaderSearch';
import { MenuButton } from './MenuButton';

const LINKS = [
  { href: '/', label: 'Dashboard' },
  { href: '/negotiations', label: 'Negotiations' },
  { href: '/homework', label: 'Homework' },
  { href: '/deadlines', label: 'Deadlines' },
  { href: '/parties', label: 'Parties & actors' },
  { href: '/outlets', label: 'Outlets' },
  { href: '/corroborations', label: 'Corroboration' },
  { href: '/activity', label: 'Activity' },
];

export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          Negotiation tracker
        </Link>
        {user && <MenuButton />}
        {user && (
          <nav aria-label="Main" id="site-menu">
            <ul>
              {LINKS.map((l) => (
                <li key={l.href}>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
              {user.role !== 'viewer' && (
                <li>
                  <Link href="/updates/new" aria-keyshortcuts="n" title="Keyboard shortcut: n">
                    Log update (N)
                  </Link>
                </li>
              )}
              {user.role === 'admin' && (
                <li>
                  <Link href="/admin/users">Users</Link>
                </li>
              )}
              {user.role === 'admin' && (
                <li>
                  <Link href="/admin/audit">Audit log</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        {user && <HeaderSearch />}
        {user && (
          <div className="who">
            <span>
              {user.name} <span className="badge status">{user.role}</span>
            </span>
            <Link href="/settings">Settings</Link>
            <Link href="/settings/tokens">API tokens</Link>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
