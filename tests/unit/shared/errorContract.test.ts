import {
  ANY_ACTION_ERRORS,
  ERROR_CODES,
  FUNCTION_SCHEMAS,
  bodyIssue,
  invalidInput,
  residentsRequest,
} from '@shared/index'
import * as z from 'zod'

describe('the error vocabulary', () => {
  it('declares, for every function, exactly the actions it answers, with codes of the one table', () => {
    for (const spec of Object.values(FUNCTION_SCHEMAS)) {
      expect(Object.keys(spec.errors).sort()).toEqual(Object.keys(spec.responses).sort())
      for (const codes of Object.values(spec.errors as Record<string, readonly string[]>))
        for (const code of codes) expect(ERROR_CODES).toContain(code)
    }
    expect(ANY_ACTION_ERRORS).toEqual(['INVALID_INPUT', 'UNAUTHENTICATED', 'INTERNAL'])
  })

  it('a body-level issue is one detail with an empty path', () => {
    expect(bodyIssue('请求内容必须是 JSON 对象')).toEqual({
      code: 'INVALID_INPUT',
      message: '请求内容必须是 JSON 对象',
      details: [{ path: '', message: '请求内容必须是 JSON 对象' }],
    })
  })

  it('a zod message that is not Chinese becomes "<path>格式不正确"', () => {
    const r = z.object({ n: z.number(), o: z.object({ s: z.string() }) }).safeParse({ n: 'x', o: { s: 1 } })
    expect(r.success).toBe(false)
    expect(invalidInput((r as { error: z.ZodError }).error)).toEqual({
      code: 'INVALID_INPUT',
      message: 'n格式不正确',
      details: [
        { path: 'n', message: 'n格式不正确' },
        { path: 'o.s', message: 'o.s格式不正确' },
      ],
    })
    const top = z.string().safeParse(1)
    expect(invalidInput((top as { error: z.ZodError }).error).message).toBe('请求格式不正确')
  })
})

describe("residents' rights requests", () => {
  it.each([
    [{ action: 'correctMe', name: '李四' }, null],
    [{ action: 'correctMe', phone: '13800001111' }, null],
    [{ action: 'correctMe' }, [{ path: 'name', message: '请填写要更正的姓名或手机号' }]],
    [{ action: 'correctMe', phone: '1380000' }, [{ path: 'phone', message: '手机号格式不正确' }]],
    [{ action: 'deleteAccount', confirm: true }, null],
    [{ action: 'deleteAccount' }, [{ path: 'confirm', message: '请确认注销' }]],
    [{ action: 'myData' }, null],
    [{ action: 'exportMyData' }, null],
  ])('%j', (request, issues) => {
    const r = residentsRequest.safeParse(request)
    if (issues === null) expect(r.success).toBe(true)
    else expect(r.success ? null : invalidInput(r.error).details).toEqual(issues)
  })
})
