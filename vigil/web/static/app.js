// Live regions: when the server says something changed, fetch the fragment again.
document.querySelectorAll("[data-live-src]").forEach((el) => {
  const refresh = async () => {
    const res = await fetch(el.dataset.liveFragment, { headers: { "Accept": "text/html" } });
    if (!res.ok) return;
    if (el.hasAttribute("data-live-parts")) {
      // Several regions at once: each part replaces the element with its id.
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      doc.body.querySelectorAll(":scope > [id]").forEach((part) => document.getElementById(part.id)?.replaceWith(part));
    } else {
      el.innerHTML = await res.text();
    }
    el.dispatchEvent(new CustomEvent("vigil:updated", { bubbles: true }));
  };
  const source = new EventSource(el.dataset.liveSrc);
  source.addEventListener("changed", refresh);
  source.addEventListener("open", () => { el.setAttribute("data-live", "on"); refresh(); });
  // Say so when live updates stop (signed out, server restarted) instead of going stale quietly.
  source.addEventListener("error", () => {
    el.setAttribute("data-live", "off");
    if (!document.getElementById("live-off")) {
      const note = document.createElement("p");
      note.id = "live-off";
      note.className = "flash error";
      note.setAttribute("role", "alert");
      note.innerHTML = 'Live updates have stopped. <a href="">Reload the page</a> (you may need to sign in again).';
      el.parentNode.insertBefore(note, el);
    }
  });
});
// Keep a chat scrolled to its newest message.
// The newest message is what a nurse or a patient needs to see first.
const scrollDown = () => document.querySelectorAll(".transcript").forEach((t) => { t.scrollTop = t.scrollHeight; });
document.addEventListener("vigil:updated", scrollDown);
window.addEventListener("load", scrollDown);
