// Layer rules for cloud/ (npm run lint:deps; tests/unit/layers.test.ts runs it with the suite).
// Arrows point down only: server/gateway -> functions -> domain -> platform -> db, and everything -> types.
// demo/ and migrate.ts are scripts above the domains; nothing below them imports them.
const TOP = '^cloud/(server|gateway|migrate)[.]ts$'
const SERVER = '^cloud/server[.]ts$'

/** A forbidden import: modules matching `from` may not import modules matching `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to })

module.exports = {
  forbidden: [
    forbid('no-circular', 'An import circle in cloud/ or types/.', { path: '^(cloud|types)/' }, { circular: true }),
    forbid('types-is-the-bottom', 'types/ is the contract shared with the client: it imports nothing from cloud/ or client/.', { path: '^types/' }, { path: '^(cloud|client)/' }),
    forbid('cloud-never-imports-client', 'The functions share only types/ with the client.', { path: '^cloud/' }, { path: '^client/' }),
    forbid('nothing-imports-the-top', 'The gateway, server and migrate script sit above everything; only server.ts mounts the gateway.', { path: '^cloud/', pathNot: SERVER }, { path: TOP }),
    forbid(
      'only-the-server-loads-the-demo',
      'Demo data is a script above the domains: the runtime and the deployed functions never import it.',
      { path: '^cloud/', pathNot: [SERVER, '^cloud/demo/'] },
      { path: '^cloud/demo/' },
    ),
    forbid('demo-sits-above-domains', 'Demo data writes through domain and platform functions, never through the functions layer.', { path: '^cloud/demo/' }, { path: '^cloud/functions/' }),
    forbid('gateway-through-functions', 'The gateway and server reach business code through the functions layer, like every request.', { path: TOP }, { path: '^cloud/domain/' }),
    forbid('domain-below-functions', 'Domains serve the functions and never call them.', { path: '^cloud/domain/' }, { path: '^cloud/functions/' }),
    forbid('platform-below-domain', 'platform/ (wrapper, caller, scope, pay, jobs runner) serves every domain and imports none.', { path: '^cloud/platform/' }, { path: '^cloud/(domain|functions)/' }),
    forbid('db-at-the-bottom', 'db/ opens the database, migrates and pages; it imports nothing else from cloud/.', { path: '^cloud/db/' }, { path: '^cloud/', pathNot: '^cloud/db/' }),
    forbid('in-a-layer', 'Every module in cloud/ belongs to a layer folder, or is one of the top-level scripts.', { path: '^cloud/', pathNot: [TOP, '^cloud/(functions|domain|platform|db|demo)/'] }, {}),
    forbid(
      'no-orphans',
      'A module in cloud/ that nothing imports is dead, unless it is an entry point.',
      { orphan: true, path: '^cloud/', pathNot: [SERVER, '^cloud/migrate[.]ts$', '^cloud/functions/[^/]+/index[.]ts$'] },
      {},
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-h5|dist-cloud)/' },
    // Type-only imports count: a layer that names a higher layer's type still depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
}
