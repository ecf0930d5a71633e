/**
 * Taro plugin (weapp): add attributes that Taro 4.2.1's WeChat templates leave out —
 * `aria-label` / `aria-role` / `aria-hidden` (WeChat's screen reader, docs/architecture.md, "Elder-friendly screens") and
 * PageMeta's `page-font-size` (text follows the user's WeChat font size).
 *
 * The same patch must reach the runtime (src/platform/weapp-components.ts, imported first by
 * app.tsx): template and runtime derive the short attribute aliases from the same component table.
 */
const patch = require('../src/platform/weapp-components.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp' || !platform.template) return
      platform.template.mergeComponents(ctx, patch)
    },
  })
}
