// Scan-to-login constants, free of zod so client pages can import them cheaply.

/** What the desktop console's QR carries: `wu-login:<challenge>`. */
export const LOGIN_QR_PREFIX = 'wu-login:'
/** Challenges live this long. */
export const LOGIN_QR_SECONDS = 120
