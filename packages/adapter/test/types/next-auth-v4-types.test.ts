import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('../../', import.meta.url))
const fixture = fileURLToPath(new URL('./next-auth-v4-fixture.ts', import.meta.url))

/** Type-checks `files` with the package's own tsconfig, returning every diagnostic as text. */
function typeCheck(files: string[]): string[] {
  const configPath = ts.findConfigFile(packageDir, ts.sys.fileExists, 'tsconfig.json')
  if (configPath === undefined) throw new Error(`no tsconfig.json in ${packageDir}`)
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, packageDir)
  const program = ts.createProgram({ rootNames: files, options: { ...options, noEmit: true } })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    if (diagnostic.file === undefined || diagnostic.start === undefined) return message
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${diagnostic.file.fileName}:${line + 1}: ${message}`
  })
}

describe('types for next-auth v4 and aws-sdk v2 users', () => {
  it('ours is a next-auth v4 Adapter and takes an aws-sdk v2 DocumentClient', () => {
    expect(typeCheck([fixture])).toEqual([])
  }, 180_000)
})
