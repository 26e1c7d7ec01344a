// Bundles each cloud function into dist-cloud/functions/<name>/ for WeChat cloud deployment
// (project.config.json's cloudfunctionRoot). Deployed functions use PostgreSQL through DATABASE_URL.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
const SRC = path.join(ROOT, 'cloud/functions')
const OUT = path.join(ROOT, 'dist-cloud/functions')

async function main() {
  const names = fs.readdirSync(SRC).filter((n) => fs.existsSync(path.join(SRC, n, 'index.ts')))
  fs.rmSync(OUT, { recursive: true, force: true })
  for (const name of names) {
    const outdir = path.join(OUT, name)
    await build({
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile: path.join(outdir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      // The embedded database is for local runs only; pg's optional native binding is not used.
      external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'],
      logLevel: 'warning',
    })
    fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2))
    const kb = (fs.statSync(path.join(outdir, 'index.js')).size / 1024).toFixed(0)
    console.log(`${name}: ${kb} KB`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
