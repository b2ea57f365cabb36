import { connect } from 'node:net'
import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'
import { dynamoHeaders, rawDynamoRequest } from '../support/raw-request.js'

describe("a client's mistakes never take the emulator down", () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(() => emulator.stop())

  const stillAnswers = async () => {
    const { TableNames } = await clientFor(emulator).send(new ListTablesCommand({}))
    expect(TableNames).toEqual(['next-auth'])
  }

  test('a client that aborts mid-request gets nothing, and the next request works', async () => {
    const socket = connect(emulator.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    const headers = Object.entries({ ...dynamoHeaders('PutItem'), 'content-length': '5000' })
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n')
    socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}\r\n\r\n{"TableName":"next-`)
    const received: Buffer[] = []
    socket.on('data', (chunk) => received.push(chunk))
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()
    await new Promise((resolve) => socket.once('close', resolve))
    expect(Buffer.concat(received).length).toBe(0)
    await stillAnswers()
    expect(emulator.state).toBe('running')
  })

  test('a malformed JSON body gets a SerializationException', async () => {
    const { status, json } = await rawDynamoRequest(
      emulator.endpoint,
      dynamoHeaders('PutItem'),
      '{"TableName": "next-auth", "Item": {',
    )
    expect(status).toBe(400)
    expect(json.__type).toMatch(/#SerializationException$/)
    await stillAnswers()
  })

  test('a malformed body for an operation the emulator answers itself gets a SerializationException', async () => {
    const { status, json } = await rawDynamoRequest(
      emulator.endpoint,
      dynamoHeaders('UpdateTimeToLive'),
      'not json',
    )
    expect(status).toBe(400)
    expect(json.__type).toMatch(/#SerializationException$/)
    await stillAnswers()
  })

  test('an unsupported operation gets an UnknownOperationException naming it', async () => {
    const { status, json } = await rawDynamoRequest(
      emulator.endpoint,
      dynamoHeaders('RestoreTableFromBackup'),
      '{}',
    )
    expect(status).toBe(400)
    expect(json.__type).toMatch(/#UnknownOperationException$/)
    expect(json.message).toMatch(/does not support the operation RestoreTableFromBackup/)
    expect(json.message).toMatch(/Supported: .*UpdateTimeToLive/)
    await stillAnswers()
  })

  test('a missing or malformed X-Amz-Target gets an UnknownOperationException saying what to send', async () => {
    const { 'x-amz-target': _dropped, ...headers } = dynamoHeaders('GetItem')
    for (const target of [undefined, 'Dynamo.GetItem', 'DynamoDB_20120810.']) {
      const { status, json } = await rawDynamoRequest(
        emulator.endpoint,
        target === undefined ? headers : { ...headers, 'x-amz-target': target },
        '{}',
      )
      expect(status).toBe(400)
      expect(json.__type).toMatch(/#UnknownOperationException$/)
      expect(json.message).toMatch(/expected DynamoDB_20120810\.<Operation>/)
    }
    await stillAnswers()
  })

  test('a 20 MB body gets a 413 DynamoDB-shaped error, and the next request works', async () => {
    const body = Buffer.alloc(20 * 1024 * 1024, 'a')
    const { status, json } = await rawDynamoRequest(
      emulator.endpoint,
      dynamoHeaders('PutItem'),
      body,
    )
    expect(status).toBe(413)
    expect(json.__type).toMatch(/#RequestEntityTooLarge$/)
    expect(json.message).toMatch(/limit of 16777216 bytes/)
    await stillAnswers()
  })

  test('a 20 MB body streamed without a Content-Length also gets a 413', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const response = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: dynamoHeaders('PutItem'),
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(((await response.json()) as { __type: string }).__type).toMatch(
      /#RequestEntityTooLarge$/,
    )
    await stillAnswers()
  })

  test('a GET on an unknown path gets a DynamoDB-shaped 404 that points at the right place', async () => {
    const response = await fetch(`${emulator.endpoint}/nowhere`)
    expect(response.status).toBe(404)
    const json = (await response.json()) as { message: string }
    expect(json.message).toMatch(/not a DynamoDB request.*\/_emulator/)
  })

  test('GET / answers like the real endpoint', async () => {
    const response = await fetch(emulator.endpoint)
    expect(await response.text()).toBe('healthy: dynamodb.us-east-1.amazonaws.com ')
  })
})
