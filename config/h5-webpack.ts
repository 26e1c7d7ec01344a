// The H5 bundle's shape for weak networks: one vendor chunk (React, the Taro runtime and component
// library) shared by every page, page chunks with page code only, brotli and gzip copies of every text
// asset for the gateway to send as they are, and a service worker that keeps the app for offline use.
// Applied to the h5 build only; the weapp build never sees any of it.
import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import { GenerateSW } from 'workbox-webpack-plugin'

/** React, the Taro runtime, router, APIs and components (and the Stencil core they run on). */
const FRAMEWORK = /[\\/]node_modules[\\/](react|react-dom|scheduler|@tarojs|@stencil|classnames|history|query-string|tslib)[\\/]/
const TEXT_ASSETS = /\.(js|css|html|svg|json|txt)$/

export function chainH5Production(chain: any): void {
  // Taro's default splits initial chunks only, so each lazily loaded page carried its own copy of the
  // component library; here every chunk shares one vendor chunk, and other shared modules one more.
  chain.optimization.splitChunks({
    chunks: 'all',
    cacheGroups: {
      default: false,
      defaultVendors: false,
      vendor: { name: 'vendor', test: FRAMEWORK, chunks: 'all', priority: 100, enforce: true },
      shared: { minChunks: 2, chunks: 'async', priority: 10, minSize: 10_000, reuseExistingChunk: true },
    },
  })
  chain.plugin('gzip').use(CompressionPlugin, [{ algorithm: 'gzip', filename: '[path][base].gz', test: TEXT_ASSETS, threshold: 1024, minRatio: 0.9 }])
  chain.plugin('brotli').use(CompressionPlugin, [
    {
      algorithm: 'brotliCompress',
      filename: '[path][base].br',
      test: TEXT_ASSETS,
      threshold: 1024,
      minRatio: 0.9,
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
    },
  ])
  // The app (index.html and every chunk) precached once the first screen is up; API answers are never
  // cached here: the pages keep what they may keep offline themselves.
  chain.plugin('service-worker').use(GenerateSW, [
    {
      swDest: 'sw.js',
      inlineWorkboxRuntime: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      exclude: [/\.(br|gz)$/, /\.LICENSE\.txt$/, /\.map$/],
      // Hashed file names need no cache-busting query.
      dontCacheBustURLsMatching: /\.[0-9a-f]{8,}\./,
      maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/(api|pay|healthz|readyz|metrics)(\/|$)/],
    },
  ])
}
