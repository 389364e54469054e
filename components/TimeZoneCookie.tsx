'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** Tells the server the reader's time zone once, so dates and days left match their calendar. */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!tz || document.cookie.split('; ').includes(`tz=${encodeURIComponent(tz)}`)) return;
    document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
