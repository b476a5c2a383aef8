// Search with Pagefind's JavaScript API, loaded on the search page only.
// A plain form with a visible label and a live status line; results are
// built as DOM nodes (excerpts keep only Pagefind's <mark>, never markup).
// The status texts come from the form's data attributes, in the site's language.
const form = document.getElementById("search-form");
const field = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const shown = 20;
let pagefind = null;
let latest = 0;

function text(name, values) {
  return (form.dataset[name] || "").replace(/\{(count|query)\}/g, (_, key) => values[key]);
}

function countText(count, query) {
  if (count === 0) return text("none", { query });
  if (count > shown) return text("many", { count, query });
  const rule = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  return text(rule === "one" ? "one" : "other", { count, query });
}

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
  status.textContent = text("searching", {});
  pagefind = pagefind || await import(new URL(form.dataset.bundle + "pagefind.js", document.baseURI));
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, shown).map((result) => result.data()));
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
  status.textContent = countText(search.results.length, query);
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
