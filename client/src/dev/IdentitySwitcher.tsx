/**
 * DEV ONLY (h5 build): the floating "身份: <name>" control. Never imported by the weapp build
 * (see components/PageShell.tsx); the build test greps build/weapp for DEV_IDENTITY_MARKER.
 */
import { useState } from 'react'
import { DEV_IDENTITY_MARKER, PRESETS, getDevOpenid, presetLabel, switchDevOpenid } from './identity'
import './identity-switcher.scss'

export default function IdentitySwitcher() {
  const [open, setOpen] = useState(false)
  const current = getDevOpenid()
  const [draft, setDraft] = useState(current)

  return (
    <div className="dev-id" data-marker={DEV_IDENTITY_MARKER}>
      <button
        type="button"
        className="dev-id__toggle"
        aria-label={`开发用身份切换，当前身份 ${current}`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        身份: {presetLabel(current)}
      </button>
      {open && (
        <div className="dev-id__panel" role="dialog" aria-label="切换开发身份">
          <div className="dev-id__presets">
            {PRESETS.map((p) => (
              <button
                key={p.openid}
                type="button"
                className={p.openid === current ? 'dev-id__preset dev-id__preset--on' : 'dev-id__preset'}
                aria-label={`切换为${p.label} ${p.openid}`}
                onClick={() => switchDevOpenid(p.openid)}
              >
                {p.label}
                <small>{p.openid}</small>
              </button>
            ))}
          </div>
          <form
            className="dev-id__form"
            onSubmit={(e) => {
              e.preventDefault()
              switchDevOpenid(draft)
            }}
          >
            <input
              className="dev-id__input"
              aria-label="输入 openid"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="dev-id__preset" aria-label="使用输入的 openid">
              使用
            </button>
          </form>
        </div>
      )}
    </div>
  )
}
