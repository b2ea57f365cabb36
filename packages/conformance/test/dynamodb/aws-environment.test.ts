import { describe, expect, test } from 'vitest'
import { awsEnvironment } from '../../src/dynamodb/index.js'

describe('awsEnvironment', () => {
  test('is unavailable, saying what to set, without AUTH_DYNAMODB_REGION', () => {
    const found = awsEnvironment({ AUTH_DYNAMODB_ID: 'id', AUTH_DYNAMODB_SECRET: 'secret' })
    expect(found).toEqual({
      available: false,
      reason: expect.stringContaining('AUTH_DYNAMODB_REGION is not set'),
    })
    expect(awsEnvironment({ AUTH_DYNAMODB_REGION: '  ' }).available, 'a blank value is unset').toBe(
      false,
    )
  })

  test('is unavailable with a region but no credentials anywhere', () => {
    const found = awsEnvironment({ AUTH_DYNAMODB_REGION: 'eu-west-1' })
    expect(found).toEqual({
      available: false,
      reason: expect.stringMatching(/no credentials.*AUTH_DYNAMODB_ID.*AWS_PROFILE/),
    })
  })

  test('uses AUTH_DYNAMODB_ID and AUTH_DYNAMODB_SECRET, and creates a fresh table without AUTH_DYNAMODB_TABLE', () => {
    const found = awsEnvironment({
      AUTH_DYNAMODB_REGION: 'eu-west-1',
      AUTH_DYNAMODB_ID: 'AKIDEXAMPLE',
      AUTH_DYNAMODB_SECRET: 'secret',
    })
    expect(found).toEqual({
      available: true,
      options: {
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      },
      description:
        'eu-west-1, credentials from AUTH_DYNAMODB_ID/AUTH_DYNAMODB_SECRET, a fresh table',
    })
  })

  test("leaves credentials to the SDK's default chain when it has a source, and uses AUTH_DYNAMODB_TABLE as it is", () => {
    const found = awsEnvironment({
      AUTH_DYNAMODB_REGION: 'us-east-2',
      AWS_PROFILE: 'ci',
      AUTH_DYNAMODB_TABLE: 'auth-test',
    })
    expect(found).toEqual({
      available: true,
      options: { region: 'us-east-2', table: { tableName: 'auth-test' }, existingTable: true },
      description: 'us-east-2, credentials from AWS_PROFILE, table auth-test',
    })
  })

  test('rejects contradictory settings with DYNAMODB_AWS_NOT_CONFIGURED', () => {
    expect(() =>
      awsEnvironment({ AUTH_DYNAMODB_REGION: 'eu-west-1', AUTH_DYNAMODB_ID: 'id' }),
    ).toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_AWS_NOT_CONFIGURED',
        message: expect.stringContaining('AUTH_DYNAMODB_SECRET is not'),
      }),
    )
    expect(() => awsEnvironment({ AUTH_DYNAMODB_TABLE: 'no spaces please' })).toThrow(
      expect.objectContaining({ code: 'DYNAMODB_AWS_NOT_CONFIGURED' }),
    )
  })
})
