/** Messages of live: Dutch (the house language) and English; a key missing in English does not compile. */
export const nl = {
  'live.alreadyClosedNoConfirm': 'Deze afspraak is al afgesloten; bevestigen kan niet meer.',
  'live.askQuestion': 'Stel je vraag.',
  'live.askQuestionMin3': 'Stel je vraag (minstens 3 tekens).',
  'live.chooseAgreeOrAsk': 'Kies akkoord of stel een vraag terug.',
  'live.chooseItem': 'Kies een agendapunt.',
  'live.invalidSequenceNumber': 'Geen geldig volgnummer.',
  'live.lastEventIdNotNumber': 'Last-Event-ID moet een volgnummer zijn.',
  'live.markCurrentDuringMeeting': 'Een agendapunt markeer je als ‘nu besproken’ terwijl het overleg bezig is.',
};

export const en: Record<keyof typeof nl, string> = {
  'live.alreadyClosedNoConfirm': 'This agreement is already closed; it can no longer be confirmed.',
  'live.askQuestion': 'Ask your question.',
  'live.askQuestionMin3': 'Ask your question (at least 3 characters).',
  'live.chooseAgreeOrAsk': 'Choose agree or ask a question back.',
  'live.chooseItem': 'Choose an agenda item.',
  'live.invalidSequenceNumber': 'Not a valid sequence number.',
  'live.lastEventIdNotNumber': 'Last-Event-ID must be a sequence number.',
  'live.markCurrentDuringMeeting': 'You mark an agenda item as ‘now discussed’ while the meeting is in progress.',
};
