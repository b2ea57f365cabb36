import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

// The README of the harness this example has installed: the workspace's, or the one shipped in
// the packed tarball when the example runs from the tarballs.
const harnessReadme = createRequire(import.meta.url)
  .resolve('@auth-dynamo/harness/package.json')
  .replace(/package\.json$/, 'README.md')

/**
 * The code block of the harness README that follows `<!-- recipe: NAME -->`: the file a user
 * copies, byte for byte.
 */
export async function readmeRecipe(name: string): Promise<string> {
  const readme = await readFile(harnessReadme, 'utf8')
  const marker = `<!-- recipe: ${name} -->`
  const at = readme.indexOf(marker)
  if (at === -1) throw new Error(`the harness README has no ${marker}`)
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(at + marker.length))
  if (!block?.[1]) throw new Error(`no code block after ${marker} in the harness README`)
  return block[1]
}
