import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const packageDir = fileURLToPath(new URL('../../', import.meta.url))

/** The workspace's TypeScript compiler, run on a consumer project. */
export const tscPath = fileURLToPath(
  new URL('../../node_modules/typescript/bin/tsc', import.meta.url),
)

/** The adapter as npm publishes it: `npm pack` of the built package, in a fresh directory. */
export async function packAdapter(): Promise<{ tarball: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'adapter-pack-'))
  const { stdout } = await run('npm', ['pack', '--pack-destination', dir, '--silent'], {
    cwd: packageDir,
  })
  const name = stdout.trim().split('\n').pop() ?? ''
  return { tarball: join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A fresh npm project in a temporary directory, as an app using the adapter would be. */
export async function consumerProject(packageJson: object = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'adapter-consumer-'))
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, ...packageJson }, null, 2),
  )
  // Without NODE_PATH, which pnpm's bin shims set to the workspace's packages: the project
  // resolves only what it installed.
  const { NODE_PATH: _workspace, ...inherited } = process.env
  const env = { ...inherited, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
  return {
    dir,
    /** `npm install` of `specs`, with extra npm flags; rejects with npm's output on failure. */
    install: (specs: string[], flags: string[] = []) =>
      run('npm', ['install', '--no-audit', '--ignore-scripts', ...flags, ...specs], {
        cwd: dir,
        env,
        maxBuffer: 16 * 1024 * 1024,
      }),
    /** Any command in the project directory. */
    run: (command: string, args: string[], extraEnv: Record<string, string> = {}) =>
      run(command, args, { cwd: dir, env: { ...env, ...extraEnv }, maxBuffer: 16 * 1024 * 1024 }),
    write: (file: string, text: string) => writeFile(join(dir, file), text),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** The stdout and stderr of a failed child process, for an assertion message. */
export function outputOf(error: unknown): string {
  const { stdout, stderr, message } = error as {
    stdout?: string
    stderr?: string
    message?: string
  }
  return [message, stdout, stderr].filter(Boolean).join('\n')
}
