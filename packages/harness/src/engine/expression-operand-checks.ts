import { typeOf } from './attribute-value.js'
import type { ConditionNode, ConditionOperand, DocumentPath } from './condition-evaluator.js'
import { type EngineResponse, errorResponse } from './engine-response.js'

/** IN takes at most this many operands after its first. */
const maxInOperands = 100

const orderingOperators = new Set(['<', '<=', '>', '>='])
const orderedTypes = new Set(['S', 'N', 'B'])

/**
 * Checks parsed ConditionExpressions and FilterExpressions for what DynamoDB refuses and
 * dynalite's parser lets through, with DynamoDB Local 3.3's words: a value that cannot be
 * ordered (not S, N or B) given to `<`, `<=`, `>`, `>=` or `BETWEEN` ("Incorrect operand type
 * for operator or function; operator or function: <, operand type: BOOL"); `IN` with more than
 * 100 operands after its first; `IN` whose first operand is also one of the others. A
 * validated-data hook.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
export function checkExpressionOperands(
  _operation: string,
  _payload: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
): EngineResponse | undefined {
  const parsed: Array<[string, unknown]> = [
    ['ConditionExpression', data._condition],
    ['FilterExpression', data._filter],
  ]
  for (const [name, result] of parsed) {
    const expression = (result as { expression?: ConditionNode } | undefined)?.expression
    const problem = expression ? firstProblem(expression) : undefined
    if (problem) return errorResponse('ValidationException', `Invalid ${name}: ${problem}`)
  }
  return undefined
}

function firstProblem(node: ConditionNode): string | undefined {
  switch (node.type) {
    case 'and':
    case 'or':
    case 'not':
      for (const child of node.args) {
        const problem = firstProblem(child as ConditionNode)
        if (problem) return problem
      }
      return undefined
    case 'between':
      return unorderedOperand('BETWEEN', node.args)
    case 'in':
      return inProblem(node.args)
    default:
      return orderingOperators.has(node.type) ? unorderedOperand(node.type, node.args) : undefined
  }
}

function unorderedOperand(operator: string, operands: ConditionOperand[]): string | undefined {
  for (const operand of operands) {
    if (Array.isArray(operand) || (operand as ConditionNode).type === 'function') continue
    const type = typeOf(operand)
    if (type !== undefined && !orderedTypes.has(type)) {
      return `Incorrect operand type for operator or function; operator or function: ${operator}, operand type: ${type}`
    }
  }
  return undefined
}

function inProblem(operands: ConditionOperand[]): string | undefined {
  const [first, ...rest] = operands
  if (rest.length > maxInOperands) {
    return `The IN operator is provided with too many operands; number of operands: ${rest.length}`
  }
  if (Array.isArray(first) && rest.some((operand) => samePath(first, operand))) {
    return `The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: ${pathText(first)}`
  }
  return undefined
}

function samePath(path: DocumentPath, operand: ConditionOperand): boolean {
  return (
    Array.isArray(operand) &&
    operand.length === path.length &&
    operand.every((piece, index) => piece === path[index])
  )
}

// As dynalite's parser prints a path in its own "distinct operands" error.
function pathText(path: DocumentPath): string {
  return `[${path.map((piece) => (typeof piece === 'number' ? `[${piece}]` : piece)).join(', ')}]`
}
