/** The key as the user may type it back: any case, with or without spaces and dashes. */
export function sameRecoveryKey(typed: string, shown: string): boolean {
  const fold = (value: string) => value.toUpperCase().replace(/[\s\-‐‑–—]/g, '');
  return fold(typed).length > 0 && fold(typed) === fold(shown);
}
