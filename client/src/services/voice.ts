/**
 * Voice notes (docs/architecture.md, "Elder-friendly screens"): record up to 60 s, upload like a photo, play back.
 * weapp: Taro.getRecorderManager (aac) and Taro.createInnerAudioContext, which plays a temp path or a
 * cloud:// fileID itself. h5: getUserMedia + MediaRecorder (webm/ogg) and an <audio> element, which
 * reads the local cloud's /storage/. Each branch is guarded by `process.env.TARO_ENV`, so the other
 * platform's code is compiled out.
 */
import Taro from '@tarojs/taro'
import { LIMITS } from '@shared/schemas/limits'
import { uploadPath } from '../lib/ids'
import { uploadAudio, type CallResult } from './cloud'
import { photoUrl } from './photos'

export interface Recording {
  /** weapp: the recorder's temp file path; h5: the recorded Blob. */
  file: string | Blob
  /** What the player can play before the upload (temp path or blob: URL). */
  preview: string
  durationSec: number
  ext: string
}

/** Why recording could not start or went wrong; typing still works, so every message says so. */
export const VOICE_DENIED = '没有得到麦克风权限，无法录音。可以在设置中允许使用麦克风，或直接打字说明'
export const VOICE_NO_MIC = '没有找到可用的麦克风，请直接打字说明'
export const VOICE_FAILED = '录音没有成功，请再试一次，或直接打字说明'

/** Whole seconds, 1 … LIMITS.voiceMaxSec (the schema's window). */
export const recordedSeconds = (ms: number): number =>
  Math.min(LIMITS.voiceMaxSec, Math.max(1, Math.round(ms / 1000)))

type StopHandler = (recording: Recording | null, problem?: string) => void

export interface VoiceRecorder {
  /** Resolves to null once recording, or to the message saying why it cannot. */
  start(onStop: StopHandler): Promise<string | null>
  /** Ends the recording; the `onStop` given to `start` receives it. */
  stop(): void
  /** Stops without delivering anything (the page is going away). */
  cancel(): void
}

const weappProblem = (errMsg: string | undefined): string =>
  /auth|deny|denied|permission/i.test(errMsg ?? '') ? VOICE_DENIED : VOICE_FAILED

/** weapp: the one RecorderManager; its listeners are set once and call the current recording's handler. */
let weappHandler: StopHandler | null = null
let weappListening = false

function weappRecorder(): VoiceRecorder {
  const manager = Taro.getRecorderManager()
  if (!weappListening) {
    weappListening = true
    manager.onStop((res) => {
      const h = weappHandler
      weappHandler = null
      h?.({
        file: res.tempFilePath,
        preview: res.tempFilePath,
        durationSec: recordedSeconds(res.duration),
        ext: /\.mp3$/i.test(res.tempFilePath) ? 'mp3' : 'aac',
      })
    })
    manager.onError((err) => {
      const h = weappHandler
      weappHandler = null
      h?.(null, weappProblem(err.errMsg))
    })
  }
  return {
    async start(onStop) {
      try {
        // Asks for scope.record the first time; a refusal fails here or arrives through onError.
        await Taro.authorize({ scope: 'scope.record' })
      } catch (err) {
        return weappProblem((err as { errMsg?: string }).errMsg ?? 'auth deny')
      }
      weappHandler = onStop
      manager.start({
        duration: LIMITS.voiceMaxSec * 1000,
        format: 'aac',
        sampleRate: 16000,
        numberOfChannels: 1,
        encodeBitRate: 48000,
      })
      return null
    },
    stop: () => manager.stop(),
    cancel() {
      weappHandler = null
      manager.stop()
    },
  }
}

const H5_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/ogg', 'audio/mp4']
const h5Extension = (type: string): string => (/ogg/.test(type) ? 'ogg' : /mp4/.test(type) ? 'm4a' : 'webm')

function h5Recorder(): VoiceRecorder {
  let recorder: MediaRecorder | null = null
  let stream: MediaStream | null = null
  let cancelled = false
  const release = () => {
    stream?.getTracks().forEach((t) => t.stop())
    stream = null
  }
  return {
    async start(onStop) {
      cancelled = false
      if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return VOICE_NO_MIC
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true })
      } catch (err) {
        const name = (err as { name?: string }).name ?? ''
        return /NotAllowed|Security|Permission/.test(name) ? VOICE_DENIED : VOICE_NO_MIC
      }
      const type = H5_TYPES.find((t) => MediaRecorder.isTypeSupported(t))
      const chunks: Blob[] = []
      const startedAt = Date.now()
      try {
        recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined)
      } catch {
        release()
        return VOICE_FAILED
      }
      const mime = (recorder.mimeType || type || 'audio/webm').split(';')[0]
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data)
      }
      recorder.onerror = () => {
        release()
        if (!cancelled) onStop(null, VOICE_FAILED)
      }
      recorder.onstop = () => {
        release()
        if (cancelled) return
        const blob = new Blob(chunks, { type: mime })
        if (blob.size === 0) return onStop(null, VOICE_FAILED)
        onStop({
          file: blob,
          preview: URL.createObjectURL(blob),
          durationSec: recordedSeconds(Date.now() - startedAt),
          ext: h5Extension(mime),
        })
      }
      recorder.start()
      return null
    },
    stop() {
      if (recorder?.state === 'recording') recorder.stop()
    },
    cancel() {
      cancelled = true
      if (recorder?.state === 'recording') recorder.stop()
      release()
    },
  }
}

export function createVoiceRecorder(): VoiceRecorder {
  if (process.env.TARO_ENV === 'h5') return h5Recorder()
  return weappRecorder()
}

export function uploadVoice(openid: string, recording: Recording): Promise<CallResult<string>> {
  return uploadAudio(recording.file, uploadPath(openid, recording.ext))
}

/** A URL the player can load for a stored fileID: the same mapping as photos. */
export const voiceUrl = photoUrl

export interface Playback {
  stop(): void
}

/** Play `src` once; `onEnd` runs when it finishes, is stopped, or cannot be played (with a message). */
export function playVoice(src: string, onEnd: (problem?: string) => void): Playback {
  if (process.env.TARO_ENV === 'h5') {
    const audio = new Audio(src)
    let over = false
    const end = (problem?: string) => {
      if (over) return
      over = true
      onEnd(problem)
    }
    audio.onended = () => end()
    audio.onerror = () => end('语音播放失败，请稍后再试')
    audio.play().catch(() => end('语音播放失败，请稍后再试'))
    return {
      stop() {
        audio.pause()
        end()
      },
    }
  }
  const ctx = Taro.createInnerAudioContext()
  let over = false
  const end = (problem?: string) => {
    if (over) return
    over = true
    ctx.destroy()
    onEnd(problem)
  }
  ctx.src = src
  ctx.onEnded(() => end())
  ctx.onError(() => end('语音播放失败，请稍后再试'))
  ctx.play()
  return {
    stop() {
      ctx.stop()
      end()
    },
  }
}
