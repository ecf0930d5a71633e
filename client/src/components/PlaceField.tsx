/**
 * 在哪里: in WeChat, a place picked on the map (name and address) or the phone's position; in the
 * browser, the position when it allows; and always a few typed words ("村口大樟树下") — the only
 * way when the phone cannot say where it is.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Location } from '../services/api'
import { canPickOnMap, myPosition, pickOnMap, type PlaceResult } from '../services/place'
import { placeText } from '../lib/placeText'
import TextField from './TextField'

interface Props {
  value: Location | null
  onChange: (l: Location | null) => void
  /** A worker's patrol: the landmark box is labelled for them. */
  landmarkLabel?: string
}

/** The typed words live in `address` when there are no coordinates. */
const typedOnly = (l: Location | null): boolean => !!l && typeof l.latitude !== 'number'

export default function PlaceField({ value, onChange, landmarkLabel = '地点说明（可不填）' }: Props) {
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const located = value !== null && !typedOnly(value)

  const take = async (how: () => Promise<PlaceResult>) => {
    if (busy) return
    setBusy(true)
    const r = await how()
    setBusy(false)
    if (r.ok) {
      setProblem('')
      onChange(r.location)
    } else if (!r.cancelled) setProblem('没能获取位置，请在下面写明地点，例如“村口大樟树下”')
  }

  return (
    <View className="place" aria-label="问题发生的地点">
      {located && (
        <View className="place__chosen" data-testid="place-chosen">
          <Text className="card__meta">位置：{placeText(value)}</Text>
          <View className="btn-link" role="button" aria-label="清除位置" onClick={() => onChange(null)}>
            <Text>清除位置</Text>
          </View>
        </View>
      )}
      {!located && (
        <View className="place__buttons">
          {canPickOnMap() && (
            <View
              className="btn btn--plain"
              role="button"
              aria-label="在地图上选地点"
              onClick={() => take(pickOnMap)}
            >
              <Text>在地图上选地点</Text>
            </View>
          )}
          <View
            className="btn btn--plain"
            role="button"
            aria-label="用我现在的位置"
            data-testid="use-my-position"
            onClick={() => take(myPosition)}
          >
            <Text>{busy ? '正在定位…' : '用我现在的位置'}</Text>
          </View>
        </View>
      )}
      {problem && (
        <View className="form-hint" role="alert">
          <Text>{problem}</Text>
        </View>
      )}
      {!located && (
        <TextField
          label={landmarkLabel}
          value={typedOnly(value) ? (value?.address ?? '') : ''}
          onInput={(words) => onChange(words.trim() ? { address: words } : null)}
          max={100}
          multiline={false}
          placeholder="例如：村口大樟树下"
          testId="place-words"
        />
      )}
    </View>
  )
}
