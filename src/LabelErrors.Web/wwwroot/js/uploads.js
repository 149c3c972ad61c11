// The uploads this browser made (share token, name, owner key), kept in local storage so /upload can list them
// and the owner can delete one later. Nothing here is sent anywhere unless the user deletes an upload.
window.labelErrorsUploads = {
  key: "labelerrors-uploads",
  list: function () {
    try { return JSON.parse(localStorage.getItem(this.key) || "[]"); } catch { return []; }
  },
  add: function (entry) {
    const all = this.list().filter(u => u.token !== entry.token);
    all.unshift(entry);
    localStorage.setItem(this.key, JSON.stringify(all));
  },
  remove: function (token) {
    localStorage.setItem(this.key, JSON.stringify(this.list().filter(u => u.token !== token)));
  },
  ownerKey: function (token) {
    const found = this.list().find(u => u.token === token);
    return found ? found.ownerKey : null;
  },
};
