import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

interface PolicyDocument {
  Statement: Array<{ Effect: string; Action: string[]; Resource: string[] }>
}

/**
 * The least-privilege IAM policy as the adapter's README documents it (the JSON block under
 * "IAM policy"), read from the installed package, so the templates are held to the same list
 * users are told about.
 *
 * @returns the statement's actions and resource patterns
 * @throws Error when the README has no policy block
 */
export async function documentedPolicy(): Promise<{ actions: string[]; resources: string[] }> {
  const require = createRequire(import.meta.url)
  const packageDir = dirname(require.resolve('@auth-dynamo/adapter/package.json'))
  const readme = await readFile(join(packageDir, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## IAM policy'))
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1]
  if (!block) throw new Error(`no JSON policy under "## IAM policy" in ${packageDir}/README.md`)
  const policy = JSON.parse(block) as PolicyDocument
  const [statement] = policy.Statement
  if (!statement || policy.Statement.length !== 1) {
    throw new Error('the documented policy should have exactly one statement')
  }
  return { actions: statement.Action, resources: statement.Resource }
}
