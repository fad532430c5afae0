'use client';

// The root layout itself failed, so no translations are available: Dutch first, English below.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560, margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Er ging iets mis</h1>
        <p>Casusregie kon de pagina niet laden. Probeer het over een ogenblik opnieuw.</p>
        <p lang="en">Something went wrong. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Opnieuw proberen
        </button>
      </body>
    </html>
  );
}
