// First: the weapp runtime must know the extra template attributes before anything renders.
import './platform/weapp-components'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // weapp: Taro.cloud.init once, at launch (a no-op in h5, where the local cloud is plain HTTP).
    if (process.env.TARO_ENV === 'weapp') initCloud()
  })
  // children are the pages
  return children
}

export default App
