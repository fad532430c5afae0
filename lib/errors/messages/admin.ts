/** Messages of admin: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'admin.ownOrganisationLastAdmin': 'Je kunt je eigen organisatie niet deactiveren: dan blijft er geen actieve functioneel beheerder over die zich kan aanmelden, en kan niemand het terugdraaien.',
  'admin.ownOrganisation': 'Je kunt je eigen organisatie niet deactiveren: dan kun je je zelf niet meer aanmelden.',
  'admin.chooseActive': 'Kies of de organisatie actief is.',
  'admin.chooseDomain': 'Kies een domein.',
  'admin.domainMisfit': 'Dit domein past niet bij de rollen van de gebruikers van deze organisatie (procesregisseurs en managers horen bij het Veiligheidshuis, professionals bij een partnerorganisatie). Wijzig eerst hun rol of organisatie.',
  'admin.fillInShortName': 'Vul een korte naam in.',
  'admin.nameTaken': 'Er bestaat al een organisatie met deze naam.',
  'admin.shortNameTooLong': 'Houd de korte naam onder de 40 tekens.',
};

export const en: Record<keyof typeof nl, string> = {
  'admin.ownOrganisationLastAdmin': 'You cannot deactivate your own organisation: no active functional administrator who can sign in would remain, and no one could undo it.',
  'admin.ownOrganisation': 'You cannot deactivate your own organisation: you could no longer sign in yourself.',
  'admin.chooseActive': 'Choose whether the organisation is active.',
  'admin.chooseDomain': 'Choose a domain.',
  'admin.domainMisfit': 'This domain does not fit the roles of this organisation\'s users (process directors and managers belong to the Safety House, professionals to a partner organisation). Change their role or organisation first.',
  'admin.fillInShortName': 'Enter a short name.',
  'admin.nameTaken': 'An organisation with this name already exists.',
  'admin.shortNameTooLong': 'Keep the short name under 40 characters.',
};
