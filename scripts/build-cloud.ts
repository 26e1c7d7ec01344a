// Bundles each cloud function for WeChat CloudBase (project.config.json's cloudfunctionRoot):
//   dist-cloud/functions/<name>/{index.js, package.json, config.json} and dist-cloud/cloudbaserc.json.
// Deployed functions use PostgreSQL through DATABASE_URL; they carry neither PGlite nor the demo data.
// `--out <dir>` builds elsewhere (the tests). Files beside the output (e.g. dist-cloud/.env.local) are kept.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build, type Plugin } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
const SRC = path.join(ROOT, 'cloud/functions')

/** CloudBase's runtime; pino 10 needs Node >= 18.19, so nothing older. */
const RUNTIME = 'Nodejs20.19'
const NODE_TARGET = 'node20'

/** Every setting a function reads; cloudbaserc fills each from the deploy machine's .env files, the same on every function. */
const ENV_NAMES = [
  'NODE_ENV',
  'LOG_LEVEL',
  'DATABASE_URL',
  'DATA_KEY',
  'HASH_KEY',
  'TOKEN_SECRET',
  'QR_SECRET',
  'WX_APPID',
  'WX_SECRET',
  'PAY_PROVIDER',
  'WXPAY_MCHID',
  'WXPAY_SERIAL_NO',
  'WXPAY_PRIVATE_KEY',
  'WXPAY_APIV3_KEY',
  'WXPAY_PLATFORM_PUBLIC_KEY',
  'PUBLIC_BASE_URL',
  'FILE_STORE',
  'TCB_ENV_ID',
  'NOTIFY_PROVIDER',
  'WX_TMPL_CARD_DECIDED',
  'WX_TMPL_SUBSIDY_PROGRESS',
  'WX_TMPL_ORDER_SHIPPED',
  'WX_TMPL_REFUND_COMPLETED',
  'WX_TMPL_CAMPAIGN_OPENED',
] as const

interface Trigger {
  name: string
  type: 'timer'
  /** sec min hour day month weekday year, Beijing time. */
  config: string
}

interface FunctionSpec {
  timeout: number
  memorySize: number
  /** At most one timer trigger per function. */
  trigger?: Trigger
}

const DEFAULT_SPEC: FunctionSpec = { timeout: 15, memorySize: 256 }
const SPECS: Record<string, Partial<FunctionSpec>> = {
  jobs: { timeout: 60, trigger: { name: 'everyMinute', type: 'timer', config: '0 * * * * * *' } },
  // WeChat Pay waits about 5 s for an answer, then retries.
  payNotify: { timeout: 10 },
}

/** Strings that only PGlite or the demo seeds contain: their presence fails the build. */
const FORBIDDEN = [
  ['@electric-sql/pglite', 'PGlite'],
  ['demo-v1', 'demo seed (cloud/demo/)'],
  ['demo data loaded', 'demo seed (cloud/demo/)'],
] as const

/** Source folders no bundle may contain: the demo data is a script above the domains. */
const FORBIDDEN_SOURCES = ['cloud/demo/']

/** zod's namespace re-exports its 40-odd locales (about 200 KB); a function needs only zh-CN and the default en. */
const zodLocales: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), '../locales'), namespace: 'zod-locales' } : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as zhCN } from './zh-CN.js'\nexport { default as en } from './en.js'\n",
      resolveDir: args.path,
    }))
  },
}

function outArg(): string {
  const i = process.argv.indexOf('--out')
  return path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1] : path.join(ROOT, 'dist-cloud'))
}

function cloudbaserc(names: string[], specs: Record<string, FunctionSpec>) {
  const vpc = process.env.CLOUDBASE_VPC_ID && process.env.CLOUDBASE_SUBNET_ID ? { vpcId: process.env.CLOUDBASE_VPC_ID, subnetId: process.env.CLOUDBASE_SUBNET_ID } : undefined
  return {
    // 2.0 turns on {{env.NAME}}: values come from .env / .env.local / .env.<mode> beside this file, never from git.
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: './functions',
    functions: names.map((name) => ({
      name,
      runtime: RUNTIME,
      handler: 'index.main',
      timeout: specs[name].timeout,
      memorySize: specs[name].memorySize,
      installDependency: false,
      envVariables: Object.fromEntries(ENV_NAMES.map((n) => [n, `{{env.${n}}}`])),
      ...(specs[name].trigger ? { triggers: [specs[name].trigger] } : {}),
      ...(vpc ? { vpc } : {}),
    })),
  }
}

async function main() {
  const out = outArg()
  const fnOut = path.join(out, 'functions')
  const names = fs.readdirSync(SRC).filter((n) => fs.existsSync(path.join(SRC, n, 'index.ts')))
  fs.rmSync(fnOut, { recursive: true, force: true })
  const specs: Record<string, FunctionSpec> = {}
  for (const name of names) {
    const spec = (specs[name] = { ...DEFAULT_SPEC, ...SPECS[name] })
    const outdir = path.join(fnOut, name)
    const { metafile } = await build({
      metafile: true,
      absWorkingDir: ROOT,
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile: path.join(outdir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: NODE_TARGET,
      format: 'cjs',
      minify: true,
      // Unreachable from a function (tree-shaken); external so a stray import fails the check below, not the bundle.
      external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'],
      plugins: [zodLocales],
      logLevel: 'warning',
    })
    const seeded = Object.keys(metafile.inputs).filter((f) => FORBIDDEN_SOURCES.some((dir) => f.startsWith(dir)))
    if (seeded.length) throw new Error(`${name}: the bundle contains ${seeded.join(', ')}`)
    const code = fs.readFileSync(path.join(outdir, 'index.js'), 'utf8')
    for (const [marker, what] of FORBIDDEN) if (code.includes(marker)) throw new Error(`${name}: the bundle contains ${what} ("${marker}")`)
    const pkg = { name, version: '1.0.0', private: true, main: 'index.js', engines: { node: '>=20.19' }, dependencies: {} }
    fs.writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
    const config = { permissions: { openapi: [] }, ...(spec.trigger ? { triggers: [spec.trigger] } : {}) }
    fs.writeFileSync(path.join(outdir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`)
    // The bundle must load and export main (the tests also build outside the repository, with no node_modules above).
    execFileSync(process.execPath, ['-e', "if (typeof require('./index.js').main !== 'function') process.exit(2)"], {
      cwd: outdir,
      env: { PATH: process.env.PATH ?? '', NODE_PATH: '' },
      stdio: 'inherit',
    })
    console.log(`${name}: ${(fs.statSync(path.join(outdir, 'index.js')).size / 1024).toFixed(0)} KB`)
  }
  fs.writeFileSync(path.join(out, 'cloudbaserc.json'), `${JSON.stringify(cloudbaserc(names, specs), null, 2)}\n`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
