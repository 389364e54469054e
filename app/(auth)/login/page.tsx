import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/current-user';
import { LoginForm } from '@/components/LoginForm';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect('/');
  const { callbackUrl } = await searchParams;
  // Only same-site paths: a login link must not send anyone elsewhere.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <div className="panel" style={{ maxWidth: '28rem', margin: '2rem auto' }}>
      <h1>Sign in</h1>
      <LoginForm callbackUrl={next} />
    </div>
  );
}
