/**
 * Masking of contact details (docs/architecture.md, "Roles and scope"): enough to recognise, not enough to call.
 *
 * @example
 * maskPhone('13812341234') // '138****1234'
 * maskName('张三丰') // '张**'
 */
export const maskPhone = (phone: string): string => {
  const p = phone.trim()
  if (p.length >= 7) return `${p.slice(0, 3)}****${p.slice(-4)}`
  return p.length <= 1 ? '*' : `${'*'.repeat(p.length - 1)}${p.slice(-1)}`
}

export const maskName = (name: string): string => {
  const chars = Array.from(name.trim())
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`
}

export const maskContact = <T extends { name?: string; phone?: string }>(c: T): T => ({
  ...c,
  ...(c.name === undefined ? {} : { name: maskName(c.name) }),
  ...(c.phone === undefined ? {} : { phone: maskPhone(c.phone) }),
})
