// A briefing's JSON, as another tool reads it.
import { describe, expect, it } from 'vitest';
import { renderJson, SUMMARY_JSON_VERSION } from '@/lib/exports/json';
import { fullSummary } from './summary-sample';

describe('a briefing as JSON', () => {
  it('parses back to the whole briefing, named and versioned', () => {
    const summary = fullSummary();
    expect(JSON.parse(renderJson(summary))).toEqual({ format: 'round-summary', version: SUMMARY_JSON_VERSION, marking: summary.negotiation.marking, ...summary });
    expect(SUMMARY_JSON_VERSION).toBe(1);
  });

  it('stays inert pasted into a web page: no <, > or & in the text, the same values once parsed', () => {
    const summary = fullSummary({ negotiation: { id: 1, name: '</script><b>A & B</b>', marking: '' } });
    const json = renderJson(summary);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('"name": "\\u003c/script\\u003e\\u003cb\\u003eA \\u0026 B\\u003c/b\\u003e"');
    expect(JSON.parse(json).negotiation.name).toBe('</script><b>A & B</b>');
  });
});
