// A TypeScript module outside config/ (Taro's config loader compiles config/ only), bundled with esbuild
// and run here, so the build reads the same source the client does.
import path from 'node:path'
import { buildSync } from 'esbuild'

/** `file` relative to `from` (the caller's __dirname). */
export function loadModule<T>(from: string, file: string): T {
  const [out] = buildSync({ entryPoints: [path.resolve(from, file)], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' }).outputFiles
  const mod = { exports: {} as T }
  new Function('module', 'exports', out.text)(mod, mod.exports)
  return mod.exports
}
