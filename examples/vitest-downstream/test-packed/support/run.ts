import { spawn } from 'node:child_process'

/** What a finished command printed, and how it ended. */
export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The environment of a user's shell: this process's, without the npm_config_* variables that a
 * `pnpm run` above it sets (npm warns about pnpm's own settings in them).
 */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')),
  )
}

/** Runs a command to its end and resolves with its output, whatever its exit code. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = userEnv(),
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
