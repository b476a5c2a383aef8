// Search with Pagefind's JavaScript API, loaded on the search page only.
// A plain form with a visible label and a live status line; results are
// built as DOM nodes (excerpts keep only Pagefind's <mark>, never markup).
const form = document.getElementById("search-form");
const field = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let pagefind = null;
let latest = 0;

function excerpt(html) {
  const paragraph = document.createElement("p");
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

async function run(query) {
  const ticket = ++latest;
  query = query.trim();
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Suche läuft …";
  pagefind = pagefind || await import(new URL(form.dataset.bundle + "pagefind.js", document.baseURI));
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return; // a newer query is on its way
  list.replaceChildren(...results.map((result) => {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    item.append(heading, excerpt(result.excerpt));
    return item;
  }));
  const count = search.results.length;
  status.textContent = count === 0 ? `Keine Treffer für „${query}“.`
    : `${count} Treffer für „${query}“${count > 20 ? ", die ersten 20" : ""}.`;
}

form.hidden = false;
document.getElementById("search-nojs").hidden = true;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", "?q=" + encodeURIComponent(field.value));
  run(field.value);
});
let pause;
field.addEventListener("input", () => {
  clearTimeout(pause);
  pause = setTimeout(() => run(field.value), 250);
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  field.value = initial;
  run(initial);
}
