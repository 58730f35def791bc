/**
 * A badge's label clips by default, so inside a table cell it asks for no width of its own and the table
 * squeezes it to «Вико…». A visible label asks for its whole text: the column grows to fit it.
 */
export const NO_SHRINK = { label: { overflow: 'visible' } } as const;
