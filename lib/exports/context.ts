/** Who a file is exported for: a Word file and a PDF name the exporting analyst as their author. */
export type ExportContext = { author: string };

/** A file made for no one in particular (a test, a warm-up) names the tracker as its author. */
export const NO_AUTHOR: ExportContext = { author: '' };

export const authorOf = (context: ExportContext) => context.author.trim() || 'Negotiation tracker';
