/** Messages of http: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'http.tooManySearches': 'Je hebt in korte tijd te veel zoekopdrachten gedaan. Wacht een minuut en probeer het dan opnieuw.',
  'http.tooManyExports': 'Je hebt in korte tijd te veel exports gemaakt. Wacht een paar minuten en probeer het dan opnieuw.',
  'http.crossOrigin': 'Verzoek van een andere website geweigerd.',
  'http.invalidJson': 'De inhoud is geen geldige JSON.',
  'http.missingOrigin': 'Verzoek zonder Origin-header geweigerd. Stuur bij een wijzigend verzoek met sessiecookie de header Origin mee, met het adres van Casusregie.',
  'http.notSignedIn': 'Je bent niet (meer) aangemeld.',
  'http.sendJson': 'Stuur de gegevens als JSON (Content-Type: application/json).',
  'http.tooLarge': 'De inhoud is te groot (maximaal {kb} kB).',
  'http.sessionExpired': 'Je sessie is verlopen. Meld je opnieuw aan; wat je invulde staat nog in het formulier.',
  'http.databaseAway': 'De database is even niet bereikbaar of te druk. Probeer het over enkele seconden opnieuw.',
  'http.databaseAwayForm': 'De database is even niet bereikbaar of te druk. Probeer het over enkele seconden opnieuw. Wat je invulde staat nog in het formulier (referentie {reference}).',
  'http.unexpectedForm': 'Er ging iets mis aan onze kant. Probeer het later opnieuw (referentie {reference}).',
};

export const en: Record<keyof typeof nl, string> = {
  'http.tooManySearches': 'You have searched too often in a short time. Wait a minute and try again.',
  'http.tooManyExports': 'You have made too many exports in a short time. Wait a few minutes and try again.',
  'http.crossOrigin': 'Request from another website refused.',
  'http.invalidJson': 'The body is not valid JSON.',
  'http.missingOrigin': 'Request without an Origin header refused. With a changing request that carries a session cookie, send the Origin header with the address of Casusregie.',
  'http.notSignedIn': 'You are not signed in (any more).',
  'http.sendJson': 'Send the data as JSON (Content-Type: application/json).',
  'http.tooLarge': 'The body is too large (at most {kb} kB).',
  'http.sessionExpired': 'Your session has expired. Sign in again; what you entered is still in the form.',
  'http.databaseAway': 'The database is briefly unreachable or too busy. Please try again in a few seconds.',
  'http.databaseAwayForm': 'The database is briefly unreachable or too busy. Please try again in a few seconds. What you entered is still in the form (reference {reference}).',
  'http.unexpectedForm': 'Something went wrong on our side. Please try again later (reference {reference}).',
};
