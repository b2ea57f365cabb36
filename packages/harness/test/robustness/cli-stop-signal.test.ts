import { connect } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { exitCode, killRunningClis, startCliJson } from '../cli/cli-process.js'
import { postDynamo } from '../support/keep-alive-post.js'
import { dynamoHeaders } from '../support/raw-request.js'

afterEach(killRunningClis)

const heavyRequests: Array<[string, unknown]> = [
  [
    'DeleteItem',
    {
      TableName: 'next-auth',
      Key: { pk: { S: 'a' }, sk: { S: 'b' } },
      ConditionExpression: '(((((((',
    },
  ],
  [
    'DeleteItem',
    {
      TableName: 'next-auth',
      Key: { pk: { S: 'a' }, sk: { S: 'b' } },
      ConditionExpression: '((((((',
    },
  ],
  [
    'Scan',
    { TableName: 'next-auth', FilterExpression: `${'a<b and ('.repeat(11)}a<b${')'.repeat(11)}` },
  ],
  [
    'Scan',
    { TableName: 'next-auth', FilterExpression: `${'('.repeat(2000)}a = a${')'.repeat(2000)}` },
  ],
  ['PutItem', { TableName: 'x'.repeat(300 * 1024), Item: {} }],
]

test('SIGTERM stops the CLI right after requests with deeply nested expressions', async () => {
  const { cli, ready } = await startCliJson(['--port', '0'])
  const answers = heavyRequests.map(([operation, body]) =>
    postDynamo(ready.endpoint, operation, JSON.stringify(body)).then(
      ({ status }) => status,
      () => 'cut',
    ),
  )
  // The first answer shows the server is busy with them; the signal comes while the rest run.
  await Promise.race(answers)
  cli.child.kill('SIGTERM')
  expect(await exitCode(cli)).toBe(0)
  // Each one was answered before the stop (the valid Scan with 200, the rest with 400) or cut by it.
  for (const answer of await Promise.all(answers)) expect([200, 400, 'cut']).toContain(answer)
})

test('SIGTERM stops the CLI while a client holds a half-sent request open', async () => {
  const { cli, ready } = await startCliJson(['--port', '0'])
  const socket = connect(ready.port, '127.0.0.1')
  socket.on('error', () => {})
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  const headers = Object.entries({ ...dynamoHeaders('PutItem'), 'content-length': '100000' })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')
  socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}\r\n\r\n{"TableName":`)
  // The request is in the server's hands once it has read the headers; a GET on another
  // connection answered proves the server is up and reading.
  expect((await fetch(ready.endpoint)).status).toBe(200)
  cli.child.kill('SIGTERM')
  expect(await exitCode(cli)).toBe(0)
  socket.destroy()
})
