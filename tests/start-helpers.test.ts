import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_MB, withServerHeap } from '@/scripts/start-helpers.mjs';

describe('the server heap ceiling', () => {
  it('adds the default to whatever NODE_OPTIONS hold', () => {
    expect(withServerHeap({}).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(withServerHeap({ NODE_OPTIONS: '--enable-source-maps' }).NODE_OPTIONS).toBe(`--enable-source-maps --max-old-space-size=${DEFAULT_HEAP_MB}`);
  });

  it('takes TRACKER_HEAP_MB, and leaves an explicit --max-old-space-size alone', () => {
    expect(withServerHeap({ TRACKER_HEAP_MB: '512' }).NODE_OPTIONS).toBe('--max-old-space-size=512');
    expect(withServerHeap({ TRACKER_HEAP_MB: 'lots' }).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(withServerHeap({ NODE_OPTIONS: '--max-old-space-size=1024' }).NODE_OPTIONS).toBe('--max-old-space-size=1024');
  });
});
