import { Fragment } from 'react';

/** **bold** inside a line, as React elements: minutes are stored as text and never rendered as HTML. */
function inline(text: string) {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? <strong key={i}>{part.slice(2, -2)}</strong> : <Fragment key={i}>{part}</Fragment>,
  );
}

/** Minutes with their simple formatting: paragraphs, line breaks, "- " lists and **bold**. */
export function MinutesText({ text, className }: { text: string; className?: string }) {
  const blocks: { list: boolean; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const list = /^\s*[-*]\s+/.test(line);
    const last = blocks.at(-1);
    if (line.trim() === '') {
      blocks.push({ list: false, lines: [] });
    } else if (last && last.list === list && (list || last.lines.length > 0)) {
      last.lines.push(list ? line.replace(/^\s*[-*]\s+/, '') : line);
    } else {
      blocks.push({ list, lines: [list ? line.replace(/^\s*[-*]\s+/, '') : line] });
    }
  }
  return (
    <div className={`space-y-2 text-sm ${className ?? ''}`}>
      {blocks
        .filter((b) => b.lines.length > 0)
        .map((block, i) =>
          block.list ? (
            <ul key={i} className="list-disc space-y-0.5 pl-5">
              {block.lines.map((line, j) => (
                <li key={j}>{inline(line)}</li>
              ))}
            </ul>
          ) : (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 ? <br /> : null}
                  {inline(line)}
                </Fragment>
              ))}
            </p>
          ),
        )}
    </div>
  );
}
