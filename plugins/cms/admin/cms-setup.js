// The site's editor (Decap CMS): the preview uses the site's own stylesheet; pages,
// news, guide chapters and charters keep Pelican's "Field: value" header; fields left
// empty are not written.
(function () {
  "use strict";
  var setup = document.currentScript;
  window.CMS.registerPreviewStyle(setup.getAttribute("data-stylesheet"));

  // Pelican's header: "Field: value" lines, a blank line, then the Markdown text.
  function fromFile(text) {
    var lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
    var data = {};
    var index = 0;
    for (; index < lines.length && lines[index].trim() !== ""; index += 1) {
      var match = /^([A-Za-z][A-Za-z0-9 _-]*):\s*(.*)$/.exec(lines[index]);
      if (match) {
        data[match[1].trim().toLowerCase()] = match[2].trim();
      }
    }
    data.body = lines.slice(index + 1).join("\n");
    return data;
  }

  function capitalise(name) {
    return name === "url" ? "URL" : name.charAt(0).toUpperCase() + name.slice(1);
  }

  // "URL:" with no value is the home page's address (the site's root): kept as written.
  var keptEmpty = { url: true };

  function toFile(data) {
    var header = [];
    Object.keys(data).forEach(function (name) {
      var value = data[name];
      if (name === "body" || value === undefined || value === null) {
        return;
      }
      if (value === "" && !keptEmpty[name]) {
        return;
      }
      header.push(capitalise(name) + ": " + String(value).replace(/\s*\n\s*/g, " "));
    });
    return header.join("\n") + "\n\n" + (data.body || "").replace(/\s*$/, "\n");
  }

  window.CMS.registerCustomFormat("pelican-markdown", "md", { fromFile: fromFile, toFile: toFile });

  // A field typed in and cleared again is saved as "" by the editor; the build reads ""
  // as a value (and refuses e.g. an empty web address), so empty values are left out.
  function isEmpty(value) {
    return value === "" || value === null || value === undefined || value.size === 0;
  }

  function withoutEmpty(value) {
    if (value && typeof value === "object" && typeof value.filter === "function") {
      return value.map(withoutEmpty).filter(function (item, key) {
        return keptEmpty[key] || !isEmpty(item);
      });
    }
    return value;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      return withoutEmpty(event.entry.get("data"));
    },
  });
})();
