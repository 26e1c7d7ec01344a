// Platform set-up: see platform.h5.ts (H5) and platform.weapp.ts (weapp); nothing elsewhere (jsdom tests).
export {}
