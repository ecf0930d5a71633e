/** A stored voice note: one big tap plays it ("播放语音 (12秒)"), another stops it. */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { VoiceNote } from '@shared/model/ticket'
import { playVoice, voiceUrl, type Playback } from '../services/voice'
import BigButton from './BigButton'

export default function VoicePlayer({ voice, label = '语音' }: { voice: VoiceNote; label?: string }) {
  const [playing, setPlaying] = useState(false)
  const [problem, setProblem] = useState('')
  const playback = useRef<Playback | null>(null)
  useEffect(() => () => playback.current?.stop(), [])

  const toggle = () => {
    if (playing) return playback.current?.stop()
    setProblem('')
    setPlaying(true)
    playback.current = playVoice(voiceUrl(voice.fileID), (why) => {
      playback.current = null
      setPlaying(false)
      if (why) setProblem(why)
    })
  }

  return (
    <View className="voice" data-testid="voice-player">
      <BigButton
        kind="plain"
        onClick={toggle}
        label={playing ? `停止播放${label}` : `播放${label}，${voice.durationSec}秒`}
        testId="voice-play"
      >
        {playing ? '■ 停止播放' : `▶ 播放${label} (${voice.durationSec}秒)`}
      </BigButton>
      {problem && (
        <View className="form-hint" role="alert">
          <Text>{problem}</Text>
        </View>
      )}
    </View>
  )
}
