import { MAX_JSON_DEPTH } from './body-limits';
import { jsonDepth } from './json-depth';

/**
 * Whether a form posted to a page is shaped as React's forms send a server action, or why not. Next hands
 * the parts to React's reply decoder, which throws on anything else (a part that is not JSON, a reference to
 * a part that is not there, 10,000 nested arrays), and Next answers that with a 500. The proxy asks this
 * first and refuses with 400.
 *
 * What the app's forms send, and all that is let through:
 *   with JavaScript (a `next-action` header)  part `0`: a JSON array of the arguments (the ids a page binds,
 *                                             the form's last state, "$K1" for the form's fields, named `_1_…`);
 *                                             parts named by a hex number: further JSON values
 *   without (the page's own <form>)           `$ACTION_REF_n`, `$ACTION_n:0` a JSON object naming the action
 *                                             and its bound arguments ("$@1"), `$ACTION_n:k` JSON, `$ACTION_KEY`;
 *                                             or `$ACTION_ID_…`, whose id Next checks itself
 * and inside the JSON, strings starting with `$` only as React writes plain values: `$$…` (a string that
 * starts with `$`), `$undefined`, `$NaN`, `$Infinity`, `$-Infinity`, `$-0`, `$D…` (a date), `$K…` (a form)
 * and `$@…` (a value sent as its own part). None of the forms sends maps, sets, files, streams or
 * references to other objects.
 */
export function envelopeProblem(form: FormData, fetchAction: boolean): string | null {
  if (fetchAction) {
    const root = form.get('0');
    if (typeof root !== 'string') return 'The form is missing its arguments; reload the page and try again.';
    const problem = jsonProblem(root) ?? (Array.isArray(JSON.parse(root)) ? null : 'The form’s arguments are not a list.');
    if (problem) return problem;
    for (const [name, value] of form) {
      if (/^[0-9a-f]+$/.test(name) && name !== '0') {
        const part = typeof value === 'string' ? jsonProblem(value) : 'A form part is a file where a value was expected.';
        if (part) return part;
      }
    }
    return null;
  }
  for (const [name, value] of form) {
    const bound = /^\$ACTION_\d+:(\d+)$/.exec(name);
    if (!bound) continue;
    if (typeof value !== 'string') return 'A form part is a file where a value was expected.';
    const problem = jsonProblem(value);
    if (problem) return problem;
    if (bound[1] === '0') {
      const meta = JSON.parse(value) as { id?: unknown } | null;
      if (!meta || typeof meta !== 'object' || typeof meta.id !== 'string') return 'The form does not name its action; reload the page and try again.';
    }
  }
  return null;
}

const PLAIN_VALUE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|K[0-9a-f]+$|@[0-9a-f]+$)/;

/** Why one JSON part is not one React's forms send, or null. */
function jsonProblem(text: string): string | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return `The form nests values more than ${MAX_JSON_DEPTH} levels deep.`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The form could not be read; reload the page and try again.';
  }
  // Iterative: the depth is bounded, but nothing here should recurse over input anyway.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string' && next.startsWith('$') && !PLAIN_VALUE.test(next)) return 'The form holds a value no form of this app sends.';
    if (next && typeof next === 'object') for (const inner of Object.values(next)) pending.push(inner);
  }
  return null;
}
