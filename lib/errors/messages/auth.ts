/** Messages of auth: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'auth.codeTooLong': 'Deze code is te lang.',
  'auth.fillInCode': 'Vul de code uit je authenticator-app in.',
  'auth.fillInCurrentPassword': 'Vul je huidige wachtwoord in.',
  'auth.passwordTooLong': 'Dit wachtwoord is te lang.',
  'auth.secondFactorAlreadySet': 'Tweestapsverificatie is voor dit account al ingesteld.',
  'auth.setUpSecondFactorFirst': 'Stel eerst tweestapsverificatie in.',
};

export const en: Record<keyof typeof nl, string> = {
  'auth.codeTooLong': 'This code is too long.',
  'auth.fillInCode': 'Enter the code from your authenticator app.',
  'auth.fillInCurrentPassword': 'Enter your current password.',
  'auth.passwordTooLong': 'This password is too long.',
  'auth.secondFactorAlreadySet': 'Two-step verification has already been set up for this account.',
  'auth.setUpSecondFactorFirst': 'Set up two-step verification first.',
};
