import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listOutlets } from '@/db/queries/outlets';
import { requireReader } from '@/server/auth/reader';
import { RELIABILITY_LABELS } from '@/lib/domain';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outlets' };

export default async function OutletsPage() {
  const { scope } = await requireReader();
  const outlets = listOutlets(getDb(), scope);
  return (
    <>
      <h1>Outlets</h1>
      <p className="muted">
        Each outlet&apos;s reliability (the Admiralty scale, A–F) is the grade its next articles start from; regrading it keeps the grade of the
        articles already stored, and its history.
      </p>
      {outlets.length === 0 ? (
        <p className="panel">No outlets yet: they are added with the first source of each.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Outlets with their grade</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Reliability</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {outlets.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/outlets/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{RELIABILITY_LABELS[o.reliability]}</td>
                  <td>{o.articles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
