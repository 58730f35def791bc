import { ActionIcon } from '@mantine/core';
import type { KeyboardEvent } from 'react';

/** Ctrl+Delete (⌘+Delete on a Mac) inside a row removes that row: the keyboard's way to the button below. */
export function removeRowKeys(onRemove: () => void, disabled = false) {
  return (event: KeyboardEvent) => {
    if (disabled || event.key !== 'Delete' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    // The innermost row only: a speech inside an agenda item goes, not the item.
    event.stopPropagation();
    onRemove();
  };
}

/**
 * The ✕ that removes a row of a form (a speech, a decision, a guest, an item). It stays out of the Tab order, so
 * tabbing from one field to the next never lands on a button that throws work away; the keyboard reaches it with
 * Ctrl+Delete from any field of its row (see removeRowKeys), which the button announces to screen readers.
 */
export function RemoveRowButton({ label, onRemove, disabled, blockedHint, mt }: { label: string; onRemove(): void; disabled?: boolean; blockedHint?: string; mt?: number }) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      mt={mt}
      tabIndex={-1}
      disabled={disabled}
      aria-keyshortcuts="Control+Delete"
      aria-label={label}
      title={disabled && blockedHint ? blockedHint : `${label} (Ctrl+Delete)`}
      onClick={onRemove}
    >
      ✕
    </ActionIcon>
  );
}
