// Projects: unit (pure rules), integration (real functions on PGlite, and on PostgreSQL when DATABASE_URL
// is set), browser (built H5 in headless Chromium), client (pages in jsdom), weapp (the built mini-program
// in a vm holding only WeChat's logic-layer globals, over both transports).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
}
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] }

module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], globalSetup: '<rootDir>/tests/support/browser-setup.js' },
    {
      ...common,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      testEnvironment: '<rootDir>/tests/support/weapp/environment.js',
      globalSetup: '<rootDir>/tests/support/weapp/setup.js',
      globalTeardown: '<rootDir>/tests/support/weapp/teardown.js',
    },
    {
      ...common,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/client/**/*.test.tsx'],
      // What config/client-env.ts bakes into an H5 build.
      globals: { WU_TRANSPORT: 'h5', WU_API_BASE: '', WU_CLOUD_ENV: '', WU_DEV_LOGIN: true },
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/client/stubs/components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/client/stubs/taro.ts',
        '\\.(css|scss)$': '<rootDir>/tests/client/stubs/style.ts',
      },
    },
  ],
}
