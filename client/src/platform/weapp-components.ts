/**
 * weapp: teach Taro's runtime the attributes that config/weapp-components-plugin.js adds to the
 * WeChat templates (aria-*, PageMeta page-font-size). Must run before the first page renders, so
 * app.tsx imports this module first. A no-op in h5 (the branch is compiled out).
 */
if (process.env.TARO_ENV === 'weapp') {
  const { mergeInternalComponents } = require('@tarojs/shared')
  mergeInternalComponents(require('./weapp-components.json'))
}

export {}
