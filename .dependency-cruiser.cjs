// Layer rules for cloud/ (npm run lint:deps; tests/unit/layers.test.ts runs it with the suite).
// Arrows point down only: server/gateway -> functions -> domain -> platform -> db, and everything -> types.
// demo/ and migrate.ts are scripts above the domains; nothing below them imports them.
const TOP = '^cloud/(server|gateway|migrate)[.]ts$'

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle in cloud/ (or types/).',
      from: { path: '^(cloud|types)/' },
      to: { circular: true },
    },
    {
      name: 'types-is-the-bottom',
      severity: 'error',
      comment: 'types/ is the contract shared with the client: it imports nothing from cloud/ or client/.',
      from: { path: '^types/' },
      to: { path: '^(cloud|client)/' },
    },
    {
      name: 'cloud-never-imports-client',
      severity: 'error',
      from: { path: '^cloud/' },
      to: { path: '^client/' },
    },
    {
      name: 'nothing-imports-the-top',
      severity: 'error',
      comment: 'The gateway, server and migrate script sit above everything; only server.ts mounts the gateway.',
      from: { path: '^cloud/', pathNot: '^cloud/server[.]ts$' },
      to: { path: TOP },
    },
    {
      name: 'only-the-server-loads-the-demo',
      severity: 'error',
      comment: 'Demo data is a script above the domains: the runtime and the deployed functions never import it.',
      from: { path: '^cloud/', pathNot: ['^cloud/server[.]ts$', '^cloud/demo/'] },
      to: { path: '^cloud/demo/' },
    },
    {
      name: 'in-a-layer',
      severity: 'error',
      comment: 'Every module in cloud/ belongs to a layer folder, or is one of the top-level scripts.',
      from: { path: '^cloud/', pathNot: [TOP, '^cloud/(functions|domain|platform|db|demo)/'] },
      to: {},
    },
    {
      name: 'demo-sits-above-domains',
      severity: 'error',
      comment: 'Demo data writes through domain and platform functions, never through the functions layer or the gateway.',
      from: { path: '^cloud/demo/' },
      to: { path: '^cloud/functions/' },
    },
    {
      name: 'gateway-through-functions',
      severity: 'error',
      comment: 'The gateway and server reach business code through the functions layer, like every request.',
      from: { path: TOP },
      to: { path: '^cloud/domain/' },
    },
    {
      name: 'domain-below-functions',
      severity: 'error',
      from: { path: '^cloud/domain/' },
      to: { path: '^cloud/functions/' },
    },
    {
      name: 'platform-below-domain',
      severity: 'error',
      comment: 'platform/ (wrapper, caller, scope, pay, jobs runner) serves every domain and imports none.',
      from: { path: '^cloud/platform/' },
      to: { path: '^cloud/(domain|functions)/' },
    },
    {
      name: 'db-at-the-bottom',
      severity: 'error',
      comment: 'db/ opens the database, migrates and pages; it imports nothing else from cloud/.',
      from: { path: '^cloud/db/' },
      to: { path: '^cloud/', pathNot: '^cloud/db/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module in cloud/ that nothing imports is dead, unless it is an entry point.',
      from: {
        orphan: true,
        path: '^cloud/',
        pathNot: ['^cloud/(server|migrate)[.]ts$', '^cloud/functions/[^/]+/index[.]ts$', '[.]d[.]ts$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-h5|dist-cloud)/' },
    // Type-only imports count: a layer that names a higher layer's type still depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
