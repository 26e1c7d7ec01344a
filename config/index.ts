import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { dotenvParse } from '@tarojs/helper'
import { defineConstantsFor, resolveClientEnv } from './client-env'
import { loadModule } from './load-module'
import { chainH5Production } from './h5-webpack'
import { shellTemplateOptions } from './h5-shell'
import devConfig from './dev'
import prodConfig from './prod'

const ROOT = path.resolve(__dirname, '..')
// The aria attributes the weapp templates carry: the runtime's own list (client/components/ui/aria-attributes.ts).
const ariaAttributes = loadModule<typeof import('../client/components/ui/aria-attributes')>(__dirname, '../client/components/ui/aria-attributes.ts').ARIA_ATTRIBUTES
const platform = process.env.TARO_ENV ?? ''
const isH5 = platform === 'h5'
const production = process.env.NODE_ENV !== 'development'
// H5_OUT_DIR / WEAPP_OUT_DIR let parallel builds (tests, a second checkout) use their own output and cache.
const outDir = isH5 ? process.env.H5_OUT_DIR || 'dist-h5' : process.env.WEAPP_OUT_DIR || 'dist'
// The backend is baked in at build time from the shell and .env files; a weapp build without one fails here.
const clientEnv = resolveClientEnv({ platform, production, vars: { ...dotenvParse(ROOT, ['TARO_APP_'], process.env.NODE_ENV), ...process.env } })
// Babel reads package.json's browserslist section for this platform (weapp: what older iOS base libraries parse).
process.env.BROWSERSLIST_ENV = isH5 ? 'h5' : 'weapp'
// The contract in types/ sits outside sourceRoot; Taro compiles only what it is told to include.
const compile = { include: [path.resolve(__dirname, '../types')] }

// Taro's own cache hard-codes src/app.config, so the webpack filesystem cache is set here instead.
function chainCommon(chain: any) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  chain.cache({
    type: 'filesystem',
    name: `taro-${platform}-${process.env.NODE_ENV}-${clientEnv.transport}-${path.basename(outDir)}`,
    cacheDirectory: path.resolve(__dirname, '../node_modules/.cache/webpack'),
    buildDependencies: {
      config: [path.resolve(__dirname, 'index.ts'), path.resolve(__dirname, '../client/app.config.ts')],
    },
  })
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'warm-union',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: outDir,
    plugins: [path.resolve(__dirname, 'plugins/weapp-project.ts'), [path.resolve(__dirname, 'plugins/weapp-aria.ts'), { attributes: ariaAttributes }]],
    alias: {
      '@types': path.resolve(__dirname, '../types'),
    },
    defineConstants: defineConstantsFor(clientEnv),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's mini-program default prints every Chinese character as a 6-byte \uXXXX escape; WeChat reads
    // UTF-8, where it takes 3. Same code, a smaller main package.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: chainCommon,
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      // The first screen, prerendered into index.html (config/h5-shell).
      htmlPluginOption: isH5 ? shellTemplateOptions() : {},
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain: any) {
        chainCommon(chain)
        if (production) chainH5Production(chain)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
