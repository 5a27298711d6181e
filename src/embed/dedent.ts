/**
 * Text written inside an HTML element, indented with the markup around it, brought back to the left
 * margin (YAML cares about indentation): drops blank first and last lines and the indentation every
 * non-blank line shares. Blank or whitespace-only text gives ''.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
