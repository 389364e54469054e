/**
 * How deep a JSON text nests, counted without parsing it. JSON.parse itself copes with any depth, but what
 * comes after it recurses (zod, String() of an array, React's reply decoder, JSON.stringify): 10,000 levels
 * overflow the call stack, a 500. The scan is a loop, so no input can overflow it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (escaped) escaped = false;
    else if (inString) {
      // A backslash escapes the next character, a quote included.
      if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}
