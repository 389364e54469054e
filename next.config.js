// JSON and file responses: nothing may be loaded or framed. Static, so set here rather than in proxy.ts,
// which then skips /api/ altogether (it costs a noticeable share of a small response's time).
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// server/http/body-limits.ts's ACTION_BODY_LIMIT (tests/body-limits.test.ts keeps them equal). proxy.ts refuses a
// larger form with 413 before Next's own check, which would answer 500.
const ACTION_BODY_LIMIT = 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native add-on, and pdfkit (reads its font files from its own folder): loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'fontkit', 'dejavu-fonts-ttf'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    // Next copies a body for the proxy up to this size and silently cuts it beyond (10 MB by default, held
    // twice). Twice the action limit: a larger form is still seen as larger than the limit, and refused.
    proxyClientMaxBodySize: 2 * ACTION_BODY_LIMIT,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

module.exports = nextConfig;
