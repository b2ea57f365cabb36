import { readFile } from 'node:fs/promises'

const harnessReadme = new URL('../../../../packages/harness/README.md', import.meta.url)

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
