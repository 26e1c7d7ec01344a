// The service worker is H5 only (sw.h5.ts); the mini-program has none.
export function registerServiceWorker(): void {}
