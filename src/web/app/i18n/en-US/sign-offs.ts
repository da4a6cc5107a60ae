import type { SignOffsMessages } from '../zh-CN/sign-offs';

/** English — sign-offs. Same keys as zh-CN/sign-offs.ts. */
export const signOffsMessages: SignOffsMessages = {
  signOffUi: {
    title: 'Sign-off',
    progress: '{{signed}} / {{total}} signed',
    expected: 'Expected',
    waiting: 'Not signed',
    signed: 'Signed',
    empty: 'No sign-off yet',
    closed: 'This record takes no more signatures',
    col: { person: 'Signer', role: 'As', action: 'Entry', method: 'How', signedAt: 'Signed (server time)', clientSignedAt: 'Phone time', device: 'Device', signature: 'Signature', note: 'Note' },
    action: { sign: 'Signed', revoke: 'Withdrawn' },
    method: { session: 'Logged in', drawn: 'Drawn signature' },
    superseded: 'Corrected by a later entry',
    onPhoneOf: "Signed on {{name}}'s account",
    statement: 'Statement signed',
  },
};
