/**
 * DESIGN.md's rules of the house that imports can break, followed transitively. Type-only imports do not
 * count: they are erased before anything runs (tsPreCompilationDeps stays off).
 */
module.exports = {
  forbidden: [
    {
      name: 'pages-never-reach-auth',
      comment:
        'Tokens stay in the background: no page may load lib/auth, directly or through another module.',
      severity: 'error',
      from: { path: '^(entrypoints/(popup|options)|components)/' },
      to: { path: '^lib/auth/', reachable: true },
    },
    {
      name: 'lib-stays-below-the-ui',
      comment: 'lib/ never imports from entrypoints/ or components/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
