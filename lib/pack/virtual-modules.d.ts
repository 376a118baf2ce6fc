/** Provided at build time by scripts/vite-precompiled.ts: the pack's serialized NLP work. */
declare module 'virtual:myth-lens-precompiled' {
  const text: string;
  export default text;
}
