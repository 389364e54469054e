/** What a page is titled when its record does not exist or is not the reader's to see: the not-found page's title. */
export const NOT_FOUND_TITLE = 'Not found';
