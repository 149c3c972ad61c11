// Visitors' votes: an anonymous random id kept in this browser (one vote per example per browser), and the POSTs,
// sent from the page so the per-client rate limit sees the visitor's own address.
const idKey = "labelerrors-browser-id";

export function browserId() {
  let id = localStorage.getItem(idKey);
  if (!id) {
    id = crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(idKey, id);
  }
  return id;
}

export async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ browserId: browserId(), ...body }),
  });
  let error = null;
  if (!response.ok) {
    // Errors are problem details (RFC 9457): the message is in "detail".
    try { error = (await response.json()).detail ?? `HTTP ${response.status}`; } catch { error = `HTTP ${response.status}`; }
  }
  return { status: response.status, error };
}
