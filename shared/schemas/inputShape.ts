import { bodyIssue, type AppError } from '../errors'
import { INPUT_LIMITS } from './limits'

export type InputShapeLimits = Record<Exclude<keyof typeof INPUT_LIMITS, 'bodyBytes'>, number>

interface Frame {
  value: unknown
  depth: number
  parent: Frame | null
  key: string
}

const pathOf = (frame: Frame | null): string => {
  const keys: string[] = []
  for (let f = frame; f && f.parent; f = f.parent) keys.push(f.key)
  return keys.reverse().join('.')
}

/**
 * The first way `input` breaks the shape limits, as INVALID_INPUT (null when it keeps them). An
 * iterative walk that stops at the first excess: its work is bounded by the limits, not by the
 * input, and a 5,000-deep body cannot overflow the stack.
 */
export function checkInputShape(input: unknown, limits: InputShapeLimits = INPUT_LIMITS): AppError | null {
  const stack: Frame[] = [{ value: input, depth: 1, parent: null, key: '' }]
  let nodes = 0
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const { value, depth } = frame
    if (++nodes > limits.nodes) return bodyIssue(`请求内容过多（最多 ${limits.nodes} 项）`)
    if (typeof value === 'string') {
      if (value.length > limits.stringLength)
        return bodyIssue(`内容过长（最多 ${limits.stringLength} 个字）`, pathOf(frame))
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (depth > limits.depth) return bodyIssue(`请求内容嵌套过深（最多 ${limits.depth} 层）`)
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength)
        return bodyIssue(`列表过长（最多 ${limits.arrayLength} 项）`, pathOf(frame))
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, parent: frame, key: String(i) })
      continue
    }
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue
      if (key.length > limits.stringLength)
        return bodyIssue(`内容过长（最多 ${limits.stringLength} 个字）`, pathOf(frame))
      if (stack.length + nodes > limits.nodes) return bodyIssue(`请求内容过多（最多 ${limits.nodes} 项）`)
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, parent: frame, key })
    }
  }
  return null
}
