/**
 * `collection.aggregate()…end()`: the SDK sends `stages: [{ stageKey: '$group', stageValue: '<EJSON>' }]`
 * and decodes `data.list` items with `EJSON.parse`. The pipeline runs on copies (mingo stages
 * may write into nested objects), after a leading `$match` has narrowed the input or a leading
 * `$geoNear` (see geo/geoNear.ts) has selected and ordered it.
 */
import { matching } from './query'
import type { ReadView } from './view'
import { dbErrors } from './errors'
import { clonePlain, isPlainObject, parseEJSON, type PlainObject } from './ejson'
import { extractNear } from './geo/near'
import { geoNearStage } from './geo/geoNear'
import { aggregator } from './mongo'

export interface Stage {
  stageKey: string
  stageValue: unknown
}

export function decodePipeline(stages: unknown, now: () => Date): PlainObject[] {
  if (!Array.isArray(stages)) throw dbErrors.invalidParam('stages must be an array')
  return stages.map((raw) => {
    const stage = raw as Partial<Stage>
    if (!stage || typeof stage.stageKey !== 'string')
      throw dbErrors.invalidParam('every stage needs a stageKey')
    const value =
      typeof stage.stageValue === 'string'
        ? parseEJSON(stage.stageValue, now)
        : parseEJSON(stage.stageValue ?? null, now)
    return { [stage.stageKey]: value }
  })
}

export function runPipeline(view: ReadView, coll: string, pipeline: PlainObject[]): PlainObject[] {
  if (!view.hasCollection(coll)) throw dbErrors.collectionNotExist(coll)
  pipeline.forEach((stage, i) => {
    const key = Object.keys(stage)[0]
    if (key === '$out' || key === '$merge') throw dbErrors.requestFailed(`${key} is not supported`)
    if (key === '$geoNear' && i > 0)
      throw dbErrors.requestFailed('$geoNear is only valid as the first stage in a pipeline.')
  })
  let rest = pipeline
  let input: PlainObject[]
  const first = pipeline[0]
  if (first && '$geoNear' in first) {
    input = geoNearStage(view.scan(coll), first.$geoNear, coll)
    rest = pipeline.slice(1)
  } else if (first && isPlainObject(first.$match)) {
    if (extractNear(first.$match).near)
      throw dbErrors.requestFailed('$geoNear, $near, and $nearSphere are not allowed in this context')
    input = matching(view, coll, first.$match).map(clonePlain)
    rest = pipeline.slice(1)
  } else {
    input = Array.from(view.scan(coll), clonePlain)
  }
  if (rest.length === 0) return input
  const run = aggregator(rest, (name) =>
    view.hasCollection(name) ? Array.from(view.scan(name), clonePlain) : [],
  )
  return run.run(input) as PlainObject[]
}
