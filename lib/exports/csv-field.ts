// One CSV field as RFC 4180 and a spreadsheet's safety want it: every CSV this app writes goes through here.

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return,
 * also after leading spaces) gets a leading apostrophe, so it is shown as text and never run.
 */
export function neutraliseCell(value: string): string {
  return /^[\t\r]/.test(value) || /^\s*[=+\-@]/.test(value) ? `'${value}` : value;
}

/** One field, RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}
