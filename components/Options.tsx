/** The settings page. Category switches and site rules arrive with their issue. */
export function Options() {
  return (
    <main aria-labelledby="options-title">
      <h1 id="options-title">Myth Lens settings</h1>
      <p>Nothing you read leaves this browser.</p>
    </main>
  );
}
