// What the app keeps per signed-in member beyond the session, forgotten when the session ends. Only the H5
// build keeps anything (private-storage.h5.ts: the card shown offline); the mini-program keeps nothing extra.
export function forgetUserData(): void {}
