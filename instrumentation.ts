/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The first round summary as PDF would otherwise also load pdfkit and parse the fonts (~0.9 s of the
  // ~1.5 s its reader waits). Done a moment after start, off the path of the first page.
  setTimeout(() => {
    import('./lib/exports/pdf')
      .then((pdf) => pdf.warmUp())
      .catch((error) => console.error('PDF renderer warm-up failed', error));
  }, 1000).unref();
}
