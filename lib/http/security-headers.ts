/**
 * The security headers of every response. Static ones (nosniff, Referrer-Policy, Permissions-Policy,
 * X-Frame-Options, the API's CSP) are set in next.config.js for every path, static assets included; the
 * page CSP with its per-request nonce, HSTS and Cache-Control are set in proxy.ts from these functions.
 */

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Content-Security-Policy of a page. Scripts run only with this response's nonce (Next puts it on its own
 * scripts; 'strict-dynamic' lets those load their chunks); no 'unsafe-inline' for scripts, no eval in
 * production, nothing from other origins, no framing.
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev?: boolean; https?: boolean }): string {
  const { nonce, dev = false, https = false } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes (not scripts) stay possible: React and Next set a few.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** JSON and files from the API render nothing: no sources at all. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, subdomains included; only sent when the app is served over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Signed-in pages and the API carry personal data: no copy in any cache, the browser's included. */
export const NO_STORE = 'no-store, max-age=0';
