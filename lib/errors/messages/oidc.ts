/** Messages of sign-in through a partner's identity provider: Dutch (the house language) and English. */
export const nl = {
  'oidc.unknownSubject':
    'Je organisatie heeft je aangemeld, maar je hebt geen account in Casusregie. Vraag het Veiligheidshuis om een uitnodiging; een account wordt nooit vanzelf aangemaakt.',
  'oidc.subjectMismatch':
    'Dit Casusregie-account is al gekoppeld aan een andere identiteit bij je organisatie. Neem contact op met functioneel beheer.',
  'oidc.inactive': 'Dit account of je organisatie is niet (meer) actief in Casusregie.',
  'oidc.mfaMissing':
    'Je organisatie heeft niet bevestigd dat je met een tweede factor bent aangemeld. Meld je bij je organisatie aan met tweestapsverificatie en probeer het opnieuw.',
  'oidc.stateInvalid': 'Deze aanmelding is verlopen of al gebruikt. Begin opnieuw met je e-mailadres.',
  'oidc.tokenInvalid':
    'Het antwoord van de identity provider van je organisatie was niet geldig (handtekening, ontvanger of geldigheid klopt niet). Je bent niet aangemeld.',
  'oidc.cancelled': 'Aanmelden bij je organisatie is afgebroken of geweigerd.',
  'oidc.idpUnavailable':
    'De identity provider van je organisatie is nu niet bereikbaar. Probeer het later opnieuw, of meld je aan met je Casusregie-wachtwoord als je er een hebt.',
  'oidc.issuerInvalid': 'Vul de issuer-URL in, bijvoorbeeld https://login.microsoftonline.com/<tenant>/v2.0.',
  'oidc.fillInClientId': 'Vul de client-id in.',
  'oidc.fillInClientSecret': 'Vul het client-secret in.',
  'oidc.domainsInvalid': 'Vul een of meer e-maildomeinen in, gescheiden door komma’s, bijvoorbeeld politie.nl.',
  'oidc.domainTaken': 'Het e-maildomein {domain} hoort al bij een andere organisatie.',
  'oidc.mfaValuesInvalid': 'Vul een of meer amr- of acr-waarden in, gescheiden door komma’s, bijvoorbeeld mfa.',
  'oidc.choosePolicy': 'Kies hoe de tweede factor van de identity provider telt.',
};

export const en: Record<keyof typeof nl, string> = {
  'oidc.unknownSubject':
    'Your organisation signed you in, but you have no account in Casusregie. Ask the Veiligheidshuis for an invitation; accounts are never created automatically.',
  'oidc.subjectMismatch':
    'This Casusregie account is already linked to another identity at your organisation. Contact the application administrator.',
  'oidc.inactive': 'This account or your organisation is not (or no longer) active in Casusregie.',
  'oidc.mfaMissing':
    'Your organisation did not confirm that you signed in with a second factor. Sign in at your organisation with two-step verification and try again.',
  'oidc.stateInvalid': 'This sign-in has expired or was already used. Start again with your email address.',
  'oidc.tokenInvalid':
    "The answer of your organisation's identity provider was not valid (signature, audience or validity is wrong). You are not signed in.",
  'oidc.cancelled': 'Signing in at your organisation was cancelled or refused.',
  'oidc.idpUnavailable':
    "Your organisation's identity provider cannot be reached right now. Try again later, or sign in with your Casusregie password if you have one.",
  'oidc.issuerInvalid': 'Enter the issuer URL, for example https://login.microsoftonline.com/<tenant>/v2.0.',
  'oidc.fillInClientId': 'Enter the client ID.',
  'oidc.fillInClientSecret': 'Enter the client secret.',
  'oidc.domainsInvalid': 'Enter one or more email domains, separated by commas, for example politie.nl.',
  'oidc.domainTaken': 'The email domain {domain} already belongs to another organisation.',
  'oidc.mfaValuesInvalid': 'Enter one or more amr or acr values, separated by commas, for example mfa.',
  'oidc.choosePolicy': 'Choose how the identity provider’s second factor counts.',
};
