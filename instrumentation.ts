/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The first round summary as PDF would otherwise also load pdfkit, parse the fonts and run cold code:
  // its reader waited ~1.5 s for the busiest round, ~0.9 s with this. Done a moment after start, off
  // the path of the first page.
  setTimeout(() => {
    import('@/lib/exports/pdf')
      .then((pdf) => pdf.warmUp())
      .catch((error) => console.error('PDF renderer warm-up failed', error));
  }, 1000).unref();
}
