import { cookies } from 'next/headers';
import { todayIso } from '@/lib/dates';

export const TZ_COOKIE = 'tz';

/** The reader's own time zone, as the browser sent it in a cookie ("Europe/Kyiv"); UTC until it has. */
export async function readerTimeZone(): Promise<string> {
  const tz = (await cookies()).get(TZ_COOKIE)?.value;
  return tz && /^[A-Za-z_+\-/0-9]{1,64}$/.test(tz) ? tz : 'UTC';
}

/** Today in the reader's own time zone, so "days left" is right in Kyiv and in Washington. */
export async function readerToday(): Promise<string> {
  return todayIso(new Date(), await readerTimeZone());
}
