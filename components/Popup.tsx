/** The toolbar popup. The claim lookup and page findings arrive with their issues. */
export function Popup() {
  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Myth Lens</h1>
      <p>Checks pages for common myths about depression, on this device only.</p>
    </main>
  );
}
