// Code points XML 1.0 allows in a document (https://www.w3.org/TR/xml/#charsets): tab, line feed, carriage
// return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. With the u flag a lone surrogate is one code point
// outside every range, while a proper pair is one code point above U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text without the code points XML 1.0 forbids: the C0 controls but tab and line breaks, U+FFFE and U+FFFF,
 * lone surrogates. One such character in an update made a round's summary.docx invalid XML, which Word and
 * LibreOffice refuse to open. They are dropped, not replaced: none of them shows as anything. Every renderer
 * of a document (Word, PDF, Atom, iCalendar) passes what it is given through here first.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A copy of plain data (objects, arrays) with every string in it made xmlSafe; anything else as it was. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, xmlSafeDeep(inner)])) as T;
  }
  return value;
}
