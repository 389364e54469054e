/** The media type of a Content-Type header, without its parameters (`; charset=utf-8`), in lower case; '' when none. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}
