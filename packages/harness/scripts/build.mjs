// The package build: a clean dist (files of removed sources must not be packed), the ESM build,
// then the CommonJS jest entry (build-cjs.mjs). Extra arguments go to both tsc runs. `start`
// passes --noCheck (the emulator needs the JavaScript, not a type check) and --emulator-only
// (the CLI needs no jest entry: its declarations are a third of the build).
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
if (!emulatorOnly) {
  run([tsc, '-p', 'tsconfig.cjs.json', ...extra])
  run([new URL('build-cjs.mjs', import.meta.url).pathname])
}
