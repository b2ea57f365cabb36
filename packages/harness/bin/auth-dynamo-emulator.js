#!/usr/bin/env node
// A committed shim: pnpm links bins at install time, before dist/ exists.
import { existsSync } from 'node:fs'

const main = new URL('../dist/bin/main.js', import.meta.url)
if (existsSync(main)) {
  await import(main.href)
} else {
  process.stderr.write(
    'auth-dynamo-emulator: dist/ is missing: build the package first with pnpm --filter @auth-dynamo/harness build\n',
  )
  process.exitCode = 1
}
