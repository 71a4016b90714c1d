/* Page script: draws the charts with Vega and filters the index. The tables work without it.
   window.DOORSTROOM_OPMAAK (number formats per language) is prepended by the report writer. */
(function () {
  "use strict";
  var taal = document.documentElement.lang || "nl";
  var opmaak = (window.DOORSTROOM_OPMAAK || {})[taal];

  function tekenGrafieken() {
    if (typeof window.vegaEmbed !== "function") {
      return;
    }
    var specs = document.querySelectorAll("script[data-grafiek]");
    specs.forEach(function (element) {
      var doel = document.getElementById(element.getAttribute("data-grafiek"));
      var spec = JSON.parse(element.textContent);
      window.vegaEmbed(doel, spec, {
        renderer: "svg",
        actions: false,
        formatLocale: opmaak
      }).then(function (resultaat) {
        var svg = doel.querySelector("svg");
        if (svg && spec.description) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", spec.description);
        }
        return resultaat;
      }).catch(function (fout) {
        console.error("Grafiek " + doel.id + " niet getekend:", fout);
      });
    });
  }

  function normaliseer(tekst) {
    return tekst.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function zoeken() {
    var invoer = document.getElementById("zoek");
    var tabel = document.getElementById("index");
    if (!invoer || !tabel) {
      return;
    }
    var rijen = Array.prototype.slice.call(tabel.tBodies[0].rows);
    var sleutels = null;
    var melding = document.getElementById("zoek-aantal");
    var sjabloon = melding.getAttribute("data-sjabloon");
    var totaal = melding.textContent;
    var knop = document.getElementById("toon-alle");
    var wachten = null;

    function toonAlles() {
      tabel.classList.remove("ingeklapt");
      if (knop) { knop.hidden = true; }
    }
    if (knop) { knop.addEventListener("click", toonAlles); }

    invoer.addEventListener("input", function () {
      clearTimeout(wachten);
      wachten = setTimeout(function () {
        if (sleutels === null) {
          // Built on first use, so opening the page stays fast.
          sleutels = rijen.map(function (rij) {
            return normaliseer(rij.textContent + " " + (rij.getAttribute("data-zoek") || ""));
          });
        }
        var woorden = normaliseer(invoer.value).split(/\s+/).filter(Boolean);
        if (woorden.length === 0) {
          rijen.forEach(function (rij) { rij.hidden = false; });
          melding.textContent = totaal;
          return;
        }
        toonAlles();
        var zichtbaar = 0;
        for (var i = 0; i < rijen.length; i++) {
          var past = woorden.every(function (woord) { return sleutels[i].indexOf(woord) !== -1; });
          rijen[i].hidden = !past;
          if (past) { zichtbaar++; }
        }
        melding.textContent = sjabloon.replace("{gevonden}", zichtbaar).replace("{totaal}", rijen.length);
      }, 80);
    });
  }

  // Tables behind charts are in <details> elements, so open them all for printing.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  tekenGrafieken();
  zoeken();
})();
