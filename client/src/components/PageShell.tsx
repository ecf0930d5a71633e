/**
 * Every page's outer frame: the elder-friendly PageMeta (weapp: text follows the user's WeChat font
 * size, and `rem` follows it too), a main landmark, and in the h5 build only the dev identity switcher.
 * Pages must set `enablePageMeta: true` in their index.config.ts.
 */
import type { ComponentType, ReactNode } from 'react'
import { PageMeta, View } from '@tarojs/components'

let DevSwitcher: ComponentType | null = null
if (process.env.TARO_ENV === 'h5') {
  // h5 only: the weapp build never includes the dev module.
  DevSwitcher = require('../dev/IdentitySwitcher').default
}

export default function PageShell({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <>
      {process.env.TARO_ENV === 'weapp' && <PageMeta pageFontSize="system" rootFontSize="system" />}
      <View className="page" role="main" aria-label={label}>
        {children}
      </View>
      {DevSwitcher && <DevSwitcher />}
    </>
  )
}
