// The jest helpers (`@auth-dynamo/harness/jest`) are also built as CommonJS, for jest test
// files, which jest loads as CommonJS unless run with --experimental-vm-modules. esbuild bundles
// what they run (the admin client and the helpers; dependencies stay external); tsc writes
// their declarations beside it (tsconfig.cjs.json), typed as CommonJS by the folder's
// package.json.
import { writeFileSync } from 'node:fs'
import { build } from 'esbuild'

await build({
  entryPoints: [new URL('../src/jest/index.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cjs/jest/index.js', import.meta.url).pathname,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})
writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), '{ "type": "commonjs" }\n')
