// The package build: a clean dist (files of removed sources must not be packed), the ESM build,
// the CLI bundled (dist/bin), the vitest worker entry bundled in place, then the CommonJS jest
// entry (build-cjs.mjs). Extra arguments go to both tsc runs. `start` passes --noCheck (the
// emulator needs the JavaScript, not a type check) and --emulator-only (the CLI needs no jest
// entry: its declarations are a third of the build).
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'

const root = new URL('..', import.meta.url)
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const args = process.argv.slice(2).filter((arg) => arg !== '--')
const emulatorOnly = args.includes('--emulator-only')
const extra = args.filter((arg) => arg !== '--emulator-only')
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' })

// The emulator-only build writes over the ESM files and leaves the rest, so that running `start`
// in a checkout keeps the full build that packing and the jest tests need.
if (!emulatorOnly) rmSync(new URL('dist', root), { recursive: true, force: true })
run([tsc, '-p', 'tsconfig.build.json', ...extra])
await bundleCli()
if (!emulatorOnly) {
  await bundleVitestWorker()
  run([tsc, '-p', 'tsconfig.cjs.json', ...extra])
  run([new URL('build-cjs.mjs', import.meta.url).pathname])
}

// The CLI as a few files instead of the ~120 modules tsc writes: Node resolves, reads and links
// each ES module on its own, which was a third of the CLI's spawn-to-first-answer time (issue 13
// §3). Packages stay external (they load as installed); the admin API, option schemas and help
// text stay separate chunks, loaded when first used. dist/bin sits at the depth of dist/cli, so
// paths the code makes from import.meta.url stay right.
async function bundleCli() {
  const { build } = await import('esbuild')
  rmSync(new URL('dist/bin', root), { recursive: true, force: true })
  await build({
    absWorkingDir: root.pathname,
    entryPoints: ['dist/cli/main.js'],
    outdir: 'dist/bin',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

// The vitest worker entry (`@auth-dynamo/harness/vitest/worker`) as one file in place of its 13
// modules: every test file imports it in a fresh worker, and Node's per-module cost made it 18 to
// 35 ms of CPU per file, 9 to 14 ms bundled (issue 13 §2). EmulatorError stays the package's
// own module, so that `instanceof` holds for errors from either entry.
async function bundleVitestWorker() {
  const { build } = await import('esbuild')
  const keepShared = {
    name: 'keep-emulator-error-shared',
    setup(esbuild) {
      esbuild.onResolve({ filter: /\/errors\/emulator-error\.js$/ }, (args) => {
        if (!args.importer.includes('/dist/')) return undefined
        // Every importer in the worker's graph sits one folder below dist, as the bundle does.
        return { path: '../errors/emulator-error.js', external: true }
      })
    },
  }
  await build({
    absWorkingDir: root.pathname,
    entryPoints: ['dist/vitest/worker.js'],
    outfile: 'dist/vitest/worker.js',
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    plugins: [keepShared],
    logLevel: 'warning',
  })
}
