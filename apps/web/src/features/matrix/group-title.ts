// Column headers have room for a few words: drop the explanation after a parenthesis or a comma,
// then cut at a word boundary. The full title stays available as the header's tooltip.
export function shortGroupTitle(title: string, maxLength = 36): string {
  const head = title.split(/\s*[(,;:]/)[0]!.trim() || title.trim();
  if (head.length <= maxLength) return head;
  const cut = head.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
