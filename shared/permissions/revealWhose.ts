/**
 * Whose phone number a staff member can ask for (`tasks.revealContact`): the reporter; the neighbour
 * an informant reported for (代报); the responsible worker. Plain data, so the client can name them.
 */
export const REVEAL_WHOSE = ['reporter', 'onBehalfOf', 'assignee'] as const
export type RevealWhose = (typeof REVEAL_WHOSE)[number]

export const REVEAL_WHOSE_NAMES: Record<RevealWhose, string> = {
  reporter: '上报人',
  onBehalfOf: '被代报群众',
  assignee: '办理人',
}
