import { cookies } from 'next/headers';
import { todayIso } from '@/lib/dates';

export const TZ_COOKIE = 'tz';

/** Today in the reader's own time zone (sent by the browser as a cookie), so "days left" is right in Kyiv and in Washington. */
export async function readerToday(): Promise<string> {
  const tz = (await cookies()).get(TZ_COOKIE)?.value;
  return todayIso(new Date(), tz && /^[A-Za-z_+\-/0-9]{1,64}$/.test(tz) ? tz : 'UTC');
}
