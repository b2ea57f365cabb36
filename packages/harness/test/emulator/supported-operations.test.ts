import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { OperationRouter } from '../../src/dispatch/operation-router.js'
import { featureModules } from '../../src/features/feature-modules.js'
import { unsupportedOperations } from '../../src/features/unsupported-operations.js'

test("the README's list of supported operations is the one the emulator routes", async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.split('## Supported DynamoDB operations\n\n')[1]?.split('\n\n')[0]
  expect(section, 'README section "Supported DynamoDB operations"').toBeDefined()
  const listed = (section ?? '').replace(/\.$/, '').split(/,\s*/)
  const routed = new OperationRouter(featureModules, unsupportedOperations).supportedOperations
  expect(listed).toEqual(routed.split(', '))
})
