import { unzipSync } from 'fflate';
import { writeZip } from '../../bundles/zip-write';

/**
 * An Office file made deterministic: exceljs and docx stamp the moment of writing into the zip entries and the
 * core properties, so the same report would give different bytes (and a different hash in the signed bundle) at
 * every export. Re-packed with the bundle's own deterministic zip; `[Content_Types].xml` sorts first by byte order,
 * which is where Office looks for it.
 */
export function repackOffice(bytes: Uint8Array, rewrite: (name: string, text: string) => string = (_, text) => text): Buffer {
  const entries = unzipSync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const isXml = name.endsWith('.xml') || name.endsWith('.rels');
    files.set(name, isXml ? Buffer.from(rewrite(name, Buffer.from(data).toString('utf8')), 'utf8') : data);
  }
  return Buffer.from(writeZip(files));
}

/** Core properties dated at the report's computation, not at the moment of export. */
export function fixCoreDates(text: string, instant: string): string {
  const iso = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}
