import { setTimeout as sleep } from 'node:timers/promises'
import type { InterceptedRequest, Interceptor } from '../../dispatch/interceptor.js'
import type { StoredTable } from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'
import type { Namespace } from '../../namespaces/namespace.js'
import { type FaultErrorType, faultErrors } from './fault-rule.js'
import type { FiredRule, KeyAttributesOf } from './fault-rule-set.js'
import { isValidBatch, nothingProcessed, splitBatch, withUnprocessed } from './partial-batch.js'

/**
 * Fault injection: each client request is checked against its own namespace's fault rules,
 * and the first rule that fires answers with an error, cuts the connection, delays the
 * request, loses its response after running it, or leaves part of a batch unprocessed.
 */
export const faultInterceptor: Interceptor = {
  name: 'faults',
  async intercept(request, next) {
    const rules = request.namespace.faults
    if (!rules.active) return next(request)
    let validBatch: Promise<boolean> | undefined
    const fired = await rules.pick(request, keyAttributesOf(request.namespace), (rule) => {
      if (rule.action.type !== 'partial-batch') return Promise.resolve(true)
      validBatch ??= isValidBatch(
        request.namespace.engine.store,
        request.operation,
        request.payload,
      )
      return validBatch
    })
    return fired ? act(fired, request, next) : next(request)
  },
}

async function act(
  fired: FiredRule,
  request: InterceptedRequest,
  next: (request: InterceptedRequest) => Promise<EngineResponse>,
): Promise<EngineResponse> {
  const { action } = fired.rule
  const id = fired.status.id
  switch (action.type) {
    case 'error':
      return injectedError(action.error, action.message, id)
    case 'disconnect':
      return disconnected()
    case 'latency':
      await sleep(action.ms)
      return next(request)
    case 'lost-response': {
      // The request runs to the end, writes included; only its answer is lost.
      await next(request)
      return action.respond === 'disconnect'
        ? disconnected()
        : injectedError(
            action.error ?? 'InternalServerError',
            action.message,
            id,
            ' after running it',
          )
    }
    case 'partial-batch': {
      const split = await splitBatch(request.operation, request.payload, fired, action.fraction)
      if (split.all) return nothingProcessed(id)
      const response = await next({ ...request, payload: split.run })
      return withUnprocessed(request.operation, response, split)
    }
  }
}

function injectedError(
  type: FaultErrorType,
  message: string | undefined,
  ruleId: string,
  when = '',
): EngineResponse {
  const known = faultErrors[type]
  return errorResponse(
    type,
    message ?? `${known.message} (injected by auth-dynamo fault rule ${ruleId}${when})`,
    {},
    known.status,
  )
}

function disconnected(): EngineResponse {
  return { statusCode: 500, body: {}, disconnect: true }
}

function keyAttributesOf(namespace: Namespace): KeyAttributesOf {
  const store = namespace.engine.store
  return (tableName) =>
    new Promise((resolve) => {
      store.getTable(tableName, false, (error, table?: StoredTable) =>
        resolve(error || !table ? undefined : table.KeySchema.map((key) => key.AttributeName)),
      )
    })
}
