import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { appDir } from './support/next-server.js'

// The root README's "Auth.js on DynamoDB in Next.js" shows this app's code: keep them the same.
const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8')
const section = readme.slice(
  readme.indexOf('## Auth.js on DynamoDB in Next.js'),
  readme.indexOf('\n## ', readme.indexOf('## Auth.js on DynamoDB in Next.js') + 1),
)
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)].map(([, lang, code]) => ({
  lang,
  code: code ?? '',
}))

/** The lines that are code: no blank lines, no comments, trimmed. */
function codeLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+\/\/ .*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
}

const appFile = (path: string) => readFile(`${appDir}${path}`, 'utf8')

function block(containing: string): string {
  const found = blocks.find(({ code }) => code.includes(containing))
  if (found === undefined)
    throw new Error(`the README's Next.js section has no block with ${containing}`)
  return found.code
}

describe("the root README's Next.js section is this app's code", () => {
  test('the install line pins the versions this app runs', async () => {
    const manifest = JSON.parse(await appFile('package.json')) as {
      dependencies: Record<string, string>
    }
    const install = block('npm i ')
    for (const name of ['next-auth', '@simplewebauthn/browser', '@simplewebauthn/server']) {
      expect(install).toContain(`${name}@${manifest.dependencies[name]}`)
    }
  })

  test('auth.ts: every line is in the app, the providers aside', async () => {
    const app = codeLines(await appFile('auth.ts'))
    const shown = codeLines(block('NextAuth(')).filter((line) => !line.startsWith('providers:'))
    expect(shown.filter((line) => !app.includes(line))).toEqual([])
  })

  test('the route handler and proxy.ts are the app files', async () => {
    expect(codeLines(block('export const { GET, POST } = handlers'))).toEqual(
      codeLines(await appFile('app/api/auth/[...nextauth]/route.ts')),
    )
    expect(codeLines(block('as proxy'))).toEqual(codeLines(await appFile('proxy.ts')))
  })

  test("the server action's error handling is the app's", async () => {
    const app = codeLines(await appFile('app/actions.ts'))
    const shown = codeLines(block("signIn('email'"))
    expect(shown.filter((line) => !app.includes(line))).toEqual([])
  })
})
