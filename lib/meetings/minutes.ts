/**
 * Minutes are plain text with simple formatting (line breaks, "- " lists, **bold**), rendered as text.
 * Stored sanitised: no HTML tags, no control characters, normalised line ends.
 */
export function sanitiseMinutes(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
