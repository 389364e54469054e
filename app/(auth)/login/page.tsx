import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/current-user';
import { env } from '@/server/config';
import { localPath } from '@/server/http/local-path';
import { LoginForm } from '@/components/LoginForm';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await currentUser()) redirect('/');
  const { callbackUrl } = await searchParams;
  // A login link must not send anyone elsewhere once they have signed in.
  const next = localPath(callbackUrl, env.NEXTAUTH_URL);
  return (
    <div className="panel" style={{ maxWidth: '28rem', margin: '2rem auto' }}>
      <h1>Sign in</h1>
      <LoginForm callbackUrl={next} />
    </div>
  );
}
