import { formValues, type FormValues } from '@/lib/validation/form-values';

// What a browser would send for a form rendered to HTML (react-dom/server), for tests that fill and submit a
// form component the way an analyst does, without a browser: hidden and text inputs, checked boxes, text
// areas and the selected option of each select, each under its name, in document order.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: '\u00a0' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#x27|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) found[m[1]] = decode(m[2] ?? '');
  return found;
}

/** The fields the first <form> in `html` would submit, as FormValues (what handleForm gives a schema). */
export function submittedValues(html: string): FormValues {
  const form = /<form\b[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error('No <form> in the markup');
  const data = new FormData();
  for (const m of form.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    if (m[0].startsWith('<input')) {
      const a = attributes(m[0]);
      const type = a.type ?? 'text';
      if (!a.name || 'disabled' in a || ['submit', 'button', 'reset', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !('checked' in a)) continue;
      data.append(a.name, a.value ?? (type === 'checkbox' ? 'on' : ''));
    } else if (m[0].startsWith('<textarea')) {
      const a = attributes(m[1]);
      if (a.name) data.append(a.name, decode(m[2]));
    } else {
      const a = attributes(m[3]);
      if (!a.name) continue;
      const options = [...m[4].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o): Record<string, string> => ({ ...attributes(o[1]), text: decode(o[2]) }));
      const chosen = options.filter((o) => 'selected' in o);
      for (const o of chosen.length || 'multiple' in a ? chosen : options.slice(0, 1)) data.append(a.name, o.value ?? o.text);
    }
  }
  return formValues(data);
}
