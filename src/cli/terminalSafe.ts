/**
 * Makes text safe for a terminal: server-supplied bodies and headers could otherwise carry escape sequences
 * that retitle the window, rewrite the clipboard (OSC 52) or clear the screen. Colour sequences (SGR, as our
 * own styling emits) pass; every other control character is shown as a visible `\xNN` escape.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (match) =>
    match.length > 1 ? match : `\\x${match.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
