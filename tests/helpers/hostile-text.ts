/** Half a megabyte without a single space, four ways: one long word, zero-width joins, emoji, dots. */
export const NO_SPACE_TEXTS = ['depressionislaziness', 'a\u200b', '😀', 'x.'].map((unit) =>
  unit.repeat(Math.ceil(500_000 / unit.length)),
);
