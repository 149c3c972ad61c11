// Review hotkeys: Q keep, W accept, E exclude, N needs review, 1–9 pick a ranked class (multi-label: toggle a class; S saves the set), ← → move, Z undo. Keys go
// to the Blazor component one at a time (it serialises them); typing in a field never triggers them.
const reviewKeys = new Set(["q", "w", "e", "n", "s", "z", "ArrowLeft", "ArrowRight", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
let listener = null;

const storageKey = (token) => `labelerrors-owner-key:${token}`;

export function init(dotnet, token) {
  // A link may carry the owner key in the fragment (never sent to the server): keep it and clean the address bar.
  const match = location.hash.match(/key=([A-Za-z0-9_-]+)/);
  if (match) {
    localStorage.setItem(storageKey(token), match[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
  dispose();
  listener = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (!reviewKeys.has(key)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    dotnet.invokeMethodAsync("HandleKey", key);
  };
  document.addEventListener("keydown", listener, true);
  // The browser that made the upload already keeps its owner key (uploads.js).
  return localStorage.getItem(storageKey(token)) || window.labelErrorsUploads?.ownerKey(token) || null;
}

export function remember(token, key) {
  localStorage.setItem(storageKey(token), key);
}

export function forget(token) {
  localStorage.removeItem(storageKey(token));
}

export function dispose() {
  if (listener) document.removeEventListener("keydown", listener, true);
  listener = null;
}
