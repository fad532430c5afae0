// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

// Messages are compiled at build time: the browser gets a small formatter instead of the ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build directory lets two builds (say, a developer's and a test run) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Loaded from node_modules at run time: PGlite needs its WASM files beside it, argon2 is a prebuilt binary.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'prom-client', 'pg-boss'],
  // Headers every response gets, static files included. The page CSP (with a nonce per request), HSTS and
  // Cache-Control depend on the request and are set in proxy.ts (lib/http/security-headers.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()',
          },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
