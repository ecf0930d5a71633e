/**
 * mingo set up as the local cloud's MongoDB: every operator mingo ships, with the ones where it
 * differs from MongoDB replaced (queryOperators.ts, expressionOperators.ts), plus the geo query
 * operators. Every query, pipeline and update of the database service goes through here.
 *
 * mingo's top-level `Query` / `Aggregator` / `update` merge a caller's `context` *under* their
 * built-in operators (a built-in always wins), so an operator cannot be corrected that way; the
 * base classes are used instead, with one complete context.
 */
import { Context } from 'mingo/core'
import { Query } from 'mingo/query'
import { Aggregator } from 'mingo/aggregator'
import { update } from 'mingo/updater'
import { resolve } from 'mingo/util'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { geoQueryOperators } from '../geo/operators'
import { isPlainObject, type PlainObject } from '../ejson'
import { queryFixes } from './queryOperators'
import { expressionFixes } from './expressionOperators'

type Ops = NonNullable<Parameters<typeof Context.init>[0]>

export const mongoContext = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, ...expressionFixes },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, ...queryFixes, ...geoQueryOperators },
  window: windowOperators,
} as unknown as Ops)

const options = { context: mongoContext }

/** A compiled query condition (`test(doc)`, `find(docs, projection)`). */
export function compileQuery(condition: PlainObject): Query {
  return new Query(condition as never, options)
}

/** Documents of `docs` that pass the projection (MongoDB's `find` projection). */
export function project(docs: PlainObject[], projection: PlainObject): PlainObject[] {
  return new Query({}, options).find(docs as never[], projection as never).all() as PlainObject[]
}

export function aggregator(
  pipeline: PlainObject[],
  collectionResolver: (name: string) => PlainObject[],
): Aggregator {
  return new Aggregator(pipeline as never[], { ...options, collectionResolver } as never)
}

/**
 * Applies update operators to `doc` in place. `$pull` with a document condition (no operator
 * keys) removes only array elements that are documents matching it, as MongoDB does; mingo also
 * tests scalars (and `{ b: 1 }` then pulls a plain `1`), so such a condition is turned into the
 * list of the matching documents first.
 */
export function applyUpdate(doc: PlainObject, modifier: PlainObject): void {
  const pull = modifier.$pull
  const fixed = isPlainObject(pull)
    ? {
        ...modifier,
        $pull: Object.fromEntries(
          Object.entries(pull).map(([path, c]) => [path, pullCondition(doc, path, c)]),
        ),
      }
    : modifier
  update(doc as never, fixed as never, undefined, undefined, { queryOptions: options } as never)
}

function pullCondition(doc: PlainObject, path: string, condition: unknown): unknown {
  if (!isPlainObject(condition) || Object.keys(condition).some((k) => k.startsWith('$'))) return condition
  if (path.includes('$')) return condition
  const elements = resolve(doc, path)
  if (!Array.isArray(elements)) return condition
  const query = compileQuery(condition)
  return { $in: elements.filter((e) => isPlainObject(e) && query.test(e)) }
}
