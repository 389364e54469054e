/** The e2e server's NEXTAUTH_SECRET (playwright.config.ts), known to the specs that mint session tokens. */
export const E2E_NEXTAUTH_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnop';
