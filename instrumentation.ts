/**
 * Runs once when a server process starts (Next.js instrumentation hook), before it serves a request.
 * NEXT_RUNTIME is Next's own, replaced per bundle: testing it this way leaves the Node-only code out
 * of the Edge bundle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // `next start` run directly skips scripts/start.mjs, so the server checks the configuration itself
    // and stops with the reason. Requests wait for register(), so none is served first; an error thrown
    // here would only be logged ("Failed to prepare server") and leave the server up, failing every
    // request, hence the exit. Importing server/config throws too, when a variable is wrong.
    try {
      const { assertServerConfig } = await import('@/server/config');
      assertServerConfig();
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConfigError')) throw error;
      console.error(`\nCannot start. ${error.message}\n`);
      process.exit(1);
    }

    // The login limit counts attempts by the socket's address, which route handlers cannot otherwise see.
    const { installPeerAddress } = await import('@/server/http/peer-address');
    installPeerAddress();

    // The first round summary as PDF would otherwise also load pdfkit, parse the fonts and run cold code:
    // its reader waited ~1.5 s for the busiest round, ~0.9 s with this. Done a moment after start, off
    // the path of the first page.
    setTimeout(() => {
      import('@/lib/exports/pdf')
        .then((pdf) => pdf.warmUp())
        .catch((error) => console.error('PDF renderer warm-up failed', error));
    }, 1000).unref();
  }
}
