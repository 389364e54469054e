/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce
 * (Next adds it to its own bootstrap scripts) or when loaded by such a script ('strict-dynamic');
 * no inline script without the nonce, no eval in production.
 * style-src keeps 'unsafe-inline': React renders `style` attributes, which nonces cannot cover;
 * an injected style can change how a page looks but cannot run code.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

