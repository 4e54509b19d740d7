// Cuts user input to a length without splitting a character. `slice` counts
// UTF-16 units: cutting between the two halves of a surrogate pair (an emoji)
// leaves a lone surrogate, which is not Unicode, and PostgreSQL refuses it in
// JSON (a citizen's form data kept in the session gave a 500).

/** `text` cut to at most `max` UTF-16 units, never leaving half a surrogate pair at the end. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
