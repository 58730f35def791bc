import type { OutputOf } from '../../../shared/contract';

type DocumentFile = OutputOf<'meetings:minutes'>;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Hands a document to the user as a download: the browser saves it, Electron asks where with its own save
 * dialog. The object URL lives only as long as the click.
 */
export function saveFile(file: DocumentFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Prints a document's print HTML (the same page the PDF is made from) through a hidden frame, so the print
 * dialog, with its «Save as PDF», shows the document and not the app around it.
 */
export function printHtml(file: DocumentFile): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = new TextDecoder().decode(bytesOf(file.base64));
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.append(frame);
}
