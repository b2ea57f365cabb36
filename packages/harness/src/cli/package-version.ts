import { readFileSync } from 'node:fs'

/**
 * The version in `@auth-dynamo/harness`'s package.json.
 *
 * @throws Error when package.json cannot be read (a broken install)
 */
export function packageVersion(): string {
  // Read at run time: package.json sits outside rootDir, so it cannot be imported into dist.
  const url = new URL('../../package.json', import.meta.url)
  const manifest = JSON.parse(readFileSync(url, 'utf8')) as { version: string }
  return manifest.version
}
