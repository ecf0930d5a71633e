/**
 * fast-check arbitraries for an action's request, derived from its zod schema (through zod's JSON
 * schema, the same one docs/api.md is generated from):
 * - valid: what the schema accepts (fields that name records may take real ids from `pools`, so the
 *   functions get past "not found" into their permission and state checks);
 * - nearValid: a valid request with one field broken (missing, wrong type, too long, out of range),
 *   an unknown field added, or the action renamed;
 * - hostile: bodies an attacker would send — not an object, nested thousands deep, huge arrays and
 *   strings, prototype keys, an `action` that is not a string.
 * Requests are JSON texts, so hostile ones can be what JSON.stringify would never make.
 */
import fc from 'fast-check'
import * as z from 'zod'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON schema is loosely typed
type Json = any

/** Real values for fields by name (ticketId, gridId, …), mixed into valid requests. */
export type Pools = Record<string, fc.Arbitrary<unknown>>

const TEXT = [...'路灯坏了村口积水需要处理垃圾没有清运道路破损ab1 ，。']

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...TEXT), { minLength: min, maxLength: max }).map((a) => a.join(''))

export const requestJsonSchema = (schema: z.ZodType): Json =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })

function validOf(s: Json, pools: Pools, name = ''): fc.Arbitrary<unknown> {
  const pool = pools[name]
  const own = validShape(s, pools, name)
  return pool ? fc.oneof({ arbitrary: pool, weight: 3 }, { arbitrary: own, weight: 1 }) : own
}

function validShape(s: Json, pools: Pools, name: string): fc.Arbitrary<unknown> {
  if (!s || Object.keys(s).length === 0) return fc.jsonValue({ maxDepth: 2 })
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x: Json) => validOf(x, pools, name)))
  switch (s.type) {
    case 'string': {
      const min = s.minLength ?? 0
      const max = Math.min(s.maxLength ?? 40, 60)
      if (s.pattern)
        return fc
          .stringMatching(new RegExp(s.pattern))
          .filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= min)
      return text(min, Math.max(min, max))
    }
    case 'integer': {
      // a window of at most 1000 from its minimum (a year is 2020…2100)
      const min = s.minimum ?? -1000
      return fc.integer({ min, max: Math.min(s.maximum ?? 1000, Math.max(min, 0) + 1000) })
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(validOf(s.items, pools, `${name}[]`), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      })
    case 'object':
      if (s.properties) {
        const entries = Object.entries(s.properties as Record<string, Json>)
        return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, validOf(v, pools, k)])), {
          requiredKeys: s.required ?? [],
        })
      }
      return fc.dictionary(
        (pools[`${name}{}`] as fc.Arbitrary<string>) ?? text(1, 10),
        validOf(s.additionalProperties ?? {}, pools),
        { minKeys: 1, maxKeys: 3 },
      )
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Requests the schema accepts, as JSON text. */
export const validRequest = (schema: Json, pools: Pools = {}): fc.Arbitrary<string> =>
  validOf(schema, pools).map((v) => JSON.stringify(v))

const wrongType = fc.oneof(
  fc.integer(),
  fc.constant(''),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  text(0, 3),
)

/** One way a single field can be broken, given its JSON schema. */
function breakField(s: Json): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType]
  if (s?.maxLength !== undefined) options.push(text(s.maxLength + 1, s.maxLength + 20))
  if (s?.minLength) options.push(text(0, s.minLength - 1))
  if (s?.maximum !== undefined && s.maximum < 1e9) options.push(fc.constant(s.maximum + 1))
  if (s?.minimum !== undefined) options.push(fc.constant(s.minimum - 1), fc.constant(s.minimum + 0.5))
  if (s?.maxItems !== undefined)
    options.push(fc.array(fc.string(), { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }))
  if (s?.enum) options.push(fc.constant('nosuch'))
  return fc.oneof(...options)
}

/** A valid request with exactly one thing wrong with it, as JSON text. */
export function nearValidRequest(schema: Json, pools: Pools = {}): fc.Arbitrary<string> {
  const fields = Object.keys(schema.properties ?? {}).filter((k) => k !== 'action')
  const base = validOf(schema, pools) as fc.Arbitrary<Record<string, unknown>>
  const mutation: fc.Arbitrary<(r: Record<string, unknown>) => Record<string, unknown>> = fc.oneof(
    ...(fields.length
      ? [
          fc.constantFrom(...fields).chain((k) =>
            breakField(schema.properties[k]).map((bad) => (r: Record<string, unknown>) => ({
              ...r,
              [k]: bad,
            })),
          ),
          fc.constantFrom(...fields).map((k) => (r: Record<string, unknown>) => {
            const { [k]: _dropped, ...rest } = r
            return rest
          }),
        ]
      : []),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .map((k) => (r: Record<string, unknown>) => ({ ...r, [`x_${k}`]: 1 })),
    fc
      .constantFrom('dropDatabase', '', 'SUBMIT', 'constructor', '__proto__', 'toString')
      .map((a) => (r: Record<string, unknown>) => ({ ...r, action: a })),
    fc.constant((r: Record<string, unknown>) => {
      const { action: _a, ...rest } = r
      return rest
    }),
  )
  return fc.tuple(base, mutation).map(([r, m]) => JSON.stringify(m(r)))
}

const nested = (depth: number, leaf: string, array: boolean): string =>
  (array ? '['.repeat(depth) : '{"a":'.repeat(depth)) + leaf + (array ? ']' : '}').repeat(depth)

/** Bodies no client should send, aimed at `action` (as JSON text, some not valid JSON at all). */
export function hostileRequest(action: string): fc.Arbitrary<string> {
  const a = JSON.stringify(action)
  const field = fc.constantFrom('description', 'note', 'ticketId', 'photos', 'gridId', 'x', 'cursor')
  return fc.oneof(
    fc.constantFrom(
      '[]',
      '[{"action":' + a + '}]',
      '"submit"',
      '123',
      'null',
      'true',
      '',
      '{',
      '{"action":}',
    ),
    fc
      .record({ depth: fc.constantFrom(11, 33, 500, 5000), array: fc.boolean(), f: field })
      .map(({ depth, array, f }) => `{"action":${a},"${f}":${nested(depth, '1', array)}}`),
    fc
      .record({ n: fc.constantFrom(2001, 20_000), f: field })
      .map(({ n, f }) => `{"action":${a},"${f}":[${Array(n).fill('"x"').join(',')}]}`),
    fc
      .record({ n: fc.constantFrom(10_001, 300_000), f: field })
      .map(({ n, f }) => `{"action":${a},"${f}":"${'长'.repeat(n)}"}`),
    fc.constantFrom(
      `{"action":${a},"__proto__":{"admin":true,"roles":["admin"]}}`,
      `{"action":${a},"constructor":{"prototype":{"ok":true}}}`,
      `{"action":{"toString":1}}`,
      `{"action":[${a}]}`,
      `{"action":${a},"userInfo":{"openId":"demo-admin"}}`,
      `{"action":${a},"ticketId":{"$ne":null},"gridId":{"$gt":""}}`,
      `{"action":${a},"description":"\\ud800\\udc00\\u0000${'\\u202e'.repeat(5)}"}`,
    ),
    fc
      .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
      .map((o) => JSON.stringify({ ...o, action })),
  )
}
