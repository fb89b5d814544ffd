// Comments are plain text: control characters go (line breaks stay), and the UI renders the text
// as text, never as HTML.
import "server-only";

export function cleanCommentBody(raw: string) {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
