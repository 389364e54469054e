/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native add-on, and pdfkit (reads its font files from its own folder): loaded by Node at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'dejavu-fonts-ttf'],
  poweredByHeader: false,
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
    ];
  },
};

module.exports = nextConfig;
