/**
 * A voice note that can stand in for typing (docs/architecture.md, "Elder-friendly screens"). Two big taps rather than "press and
 * hold", which is hard for elderly hands: 录音, then 停止 (or it stops itself at 60 s), showing the
 * seconds; then 播放 / 重录 / 删除. The recording is uploaded at once, like a photo.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { VoiceNote } from '@shared/model/ticket'
import { LIMITS } from '@shared/schemas/limits'
import {
  createVoiceRecorder,
  playVoice,
  uploadVoice,
  type Playback,
  type Recording,
  type VoiceRecorder as Recorder,
} from '../services/voice'
import { photoUrl } from '../services/photos'
import BigButton from './BigButton'

type State = 'idle' | 'starting' | 'recording' | 'uploading' | 'done' | 'failed'

interface Props {
  openid: string
  /** The uploaded voice note (null when none), and whether it is still being recorded or uploaded. */
  onChange: (voice: VoiceNote | null, busy: boolean) => void
  /** A draft's voice note, already uploaded: shown as recorded. */
  initial?: VoiceNote | null
}

export default function VoiceRecorder({ openid, onChange, initial }: Props) {
  const [state, setState] = useState<State>(initial ? 'done' : 'idle')
  const [seconds, setSeconds] = useState(initial?.durationSec ?? 0)
  const [recording, setRecording] = useState<Recording | null>(
    initial
      ? { file: '', preview: photoUrl(initial.fileID), durationSec: initial.durationSec, ext: '' }
      : null,
  )
  const [fileID, setFileID] = useState<string | null>(initial?.fileID ?? null)
  const [problem, setProblem] = useState('')
  const [playing, setPlaying] = useState(false)
  const recorder = useRef<Recorder | null>(null)
  const playback = useRef<Playback | null>(null)
  const ticker = useRef<ReturnType<typeof setInterval> | null>(null)

  const stopTicker = () => {
    if (ticker.current !== null) clearInterval(ticker.current)
    ticker.current = null
  }

  useEffect(() => {
    const busy = state === 'starting' || state === 'recording' || state === 'uploading'
    onChange(
      state === 'done' && fileID && recording ? { fileID, durationSec: recording.durationSec } : null,
      busy,
    )
  }, [state, fileID, recording])

  useEffect(
    () => () => {
      stopTicker()
      recorder.current?.cancel()
      playback.current?.stop()
    },
    [],
  )

  const upload = (r: Recording) => {
    setState('uploading')
    uploadVoice(openid, r).then((res) => {
      if (res.ok) {
        setFileID(res.data)
        setState('done')
      } else {
        setProblem(res.error.message)
        setState('failed')
      }
    })
  }

  const finished = (r: Recording | null, why?: string) => {
    stopTicker()
    if (r === null) {
      setProblem(why ?? '')
      setState('idle')
      return
    }
    setRecording(r)
    upload(r)
  }

  const start = async () => {
    playback.current?.stop()
    setProblem('')
    setRecording(null)
    setFileID(null)
    setSeconds(0)
    setState('starting')
    recorder.current = recorder.current ?? createVoiceRecorder()
    const refused = await recorder.current.start(finished)
    if (refused !== null) {
      setProblem(refused)
      setState('idle')
      return
    }
    setState('recording')
    const startedAt = Date.now()
    ticker.current = setInterval(() => {
      const s = Math.floor((Date.now() - startedAt) / 1000)
      setSeconds(Math.min(s, LIMITS.voiceMaxSec))
      if (s >= LIMITS.voiceMaxSec) recorder.current?.stop()
    }, 250)
  }

  const stop = () => recorder.current?.stop()

  const togglePlay = () => {
    if (playing) return playback.current?.stop()
    if (!recording) return
    setPlaying(true)
    playback.current = playVoice(recording.preview, (why) => {
      playback.current = null
      setPlaying(false)
      if (why) setProblem(why)
    })
  }

  const remove = () => {
    playback.current?.stop()
    setRecording(null)
    setFileID(null)
    setProblem('')
    setState('idle')
  }

  const duration = recording?.durationSec ?? seconds
  return (
    <View className="voice" data-testid="voice">
      {(state === 'idle' || state === 'starting') && (
        <BigButton
          kind="plain"
          onClick={start}
          busy={state === 'starting'}
          label={`录音，说一段话代替打字，最长${LIMITS.voiceMaxSec}秒`}
          testId="voice-record"
        >
          🎤 录音（不想打字可以说）
        </BigButton>
      )}
      {state === 'recording' && (
        <>
          <View className="voice__state" role="status" data-testid="voice-state">
            <Text>
              正在录音 {seconds} 秒（最长 {LIMITS.voiceMaxSec} 秒）
            </Text>
          </View>
          <BigButton kind="danger" onClick={stop} label="停止录音" testId="voice-stop">
            ■ 停止
          </BigButton>
        </>
      )}
      {(state === 'uploading' || state === 'done' || state === 'failed') && recording && (
        <>
          <View className="voice__state" role="status" data-testid="voice-state">
            <Text>
              语音 {duration} 秒 ·{' '}
              {state === 'uploading' ? '上传中…' : state === 'done' ? '已上传' : '上传失败'}
            </Text>
          </View>
          <View className="voice__actions">
            <BigButton
              kind="plain"
              onClick={togglePlay}
              label={playing ? '停止播放录音' : `播放录音，${duration}秒`}
              testId="voice-play"
            >
              {playing ? '■ 停止播放' : '▶ 播放'}
            </BigButton>
            <BigButton
              kind="plain"
              onClick={state === 'failed' ? () => upload(recording) : start}
              busy={state === 'uploading'}
              label={state === 'failed' ? '重新上传录音' : '重新录音'}
              testId="voice-redo"
            >
              {state === 'failed' ? '重新上传' : '重录'}
            </BigButton>
            <BigButton kind="danger" onClick={remove} label="删除录音" testId="voice-delete">
              删除
            </BigButton>
          </View>
        </>
      )}
      {problem && (
        <View className="form-hint" role="alert" data-testid="voice-problem">
          <Text>{problem}</Text>
        </View>
      )}
    </View>
  )
}
