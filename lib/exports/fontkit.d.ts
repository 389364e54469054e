// fontkit (pdfkit's own font parser) ships no types; the PDF renderer only creates fonts and hands
// them to pdfkit, which accepts any object with a layout() method.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    postscriptName: string;
  }
  export function create(buffer: Uint8Array): Font;
}
