(function () {
  "use strict";
  /* Everything stays in this page until the giver sends the file herself: no network, no storage. */
  var data = JSON.parse(document.getElementById("asmo-data").textContent);
  var responseId = makeId();
  var unsaved = false;

  function makeId() {
    var bytes = new Uint8Array(16);
    var i;
    if (window.crypto && typeof window.crypto.getRandomValues === "function") {
      window.crypto.getRandomValues(bytes);
    } else {
      for (i = 0; i < bytes.length; i += 1) {
        bytes[i] = Math.floor(Math.random() * 256);
      }
    }
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  function checkedValue(name) {
    var inputs = document.getElementsByName(name);
    for (var i = 0; i < inputs.length; i += 1) {
      if (inputs[i].checked) {
        return inputs[i].value;
      }
    }
    return null;
  }

  function collect() {
    var role = checkedValue("giver-role");
    if (data.roles.indexOf(role) < 0) {
      return null;
    }
    var answers = {
      asmo_feedback: data.format,
      record: data.record,
      questionnaire_version: data.version,
      response_id: responseId,
      giver_role: role
    };
    var name = document.getElementById("giver-name").value.trim();
    if (name) {
      answers.name = name;
    }
    var ratings = {};
    var comments = {};
    var commented = false;
    data.tasks.forEach(function (task, ti) {
      var acts = {};
      task.activities.forEach(function (act, ai) {
        var value = checkedValue("r-" + ti + "-" + ai);
        var stars = value === null ? NaN : parseInt(value, 10);
        acts[act] = stars >= 1 && stars <= 5 ? stars : null;
      });
      ratings[task.id] = acts;
      var comment = document.getElementById("c-" + ti).value.trim();
      if (comment) {
        comments[task.id] = comment;
        commented = true;
      }
    });
    answers.ratings = ratings;
    if (commented) {
      answers.comments = comments;
    }
    return answers;
  }

  function say(text) {
    document.getElementById("status").textContent = text;
  }

  function answersOrComplain() {
    var error = document.getElementById("role-error");
    var answers = collect();
    if (answers === null) {
      document.getElementById("copy-box").hidden = true;
      error.hidden = false;
      say("");
      var first = document.getElementsByName("giver-role")[0];
      first.focus();
      first.closest("fieldset").scrollIntoView({ block: "center" });
      return null;
    }
    error.hidden = true;
    var rated = Object.keys(answers.ratings).some(function (task) {
      return Object.keys(answers.ratings[task]).some(function (act) {
        return answers.ratings[task][act] !== null;
      });
    });
    if (!rated && !answers.comments) {
      document.getElementById("copy-box").hidden = true;
      say("Je gaf nog geen sterren en schreef geen opmerking. Geef minstens één activiteit " +
          "sterren, of schrijf een opmerking.");
      return null;
    }
    return answers;
  }

  function asText(answers) {
    return JSON.stringify(answers, null, 2) + "\n";
  }

  function save() {
    var answers = answersOrComplain();
    if (answers === null) {
      return;
    }
    var fileName = data.file + "-" + answers.giver_role + ".json";
    var blob = new Blob([asText(answers)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    unsaved = false;
    say("Je antwoorden staan in het bestand " + fileName + " (meestal in de map Downloads). " +
        "Stuur dat bestand per e-mail naar " + data.as + ".");
  }

  function copy() {
    var answers = answersOrComplain();
    if (answers === null) {
      return;
    }
    var box = document.getElementById("copy-box");
    var area = document.getElementById("copy-text");
    var text = asText(answers);
    area.value = text;
    box.hidden = false;
    area.focus();
    area.select();
    unsaved = false;
    var done = "De tekst staat hieronder en is gekopieerd. Plak hem in een e-mail aan " + data.as + ".";
    var manual = "De tekst staat hieronder en is geselecteerd. Kopieer hem en plak hem in een " +
        "e-mail aan " + data.as + ".";
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      navigator.clipboard.writeText(text).then(function () { say(done); }, function () {
        say(document.execCommand && document.execCommand("copy") ? done : manual);
      });
    } else {
      say(document.execCommand && document.execCommand("copy") ? done : manual);
    }
  }

  function progress() {
    var total = 0;
    var answered = 0;
    data.tasks.forEach(function (task, ti) {
      task.activities.forEach(function (act, ai) {
        total += 1;
        if (checkedValue("r-" + ti + "-" + ai) !== null) {
          answered += 1;
        }
      });
    });
    document.getElementById("progress").textContent =
      answered + " van " + total + " activiteiten ingevuld (je mag er ook leeg laten).";
  }

  document.getElementById("save").addEventListener("click", save);
  document.getElementById("copy").addEventListener("click", copy);
  document.addEventListener("change", function (event) {
    var name = event.target.name || "";
    if (name === "giver-role") {
      document.getElementById("role-error").hidden = true;
    } else if (name.indexOf("r-") === 0) {
      var meaning = document.getElementById("m-" + name.slice(2));
      if (meaning) {
        meaning.textContent = data.scale[event.target.value] || "";
      }
    }
    unsaved = true;
    progress();
  });
  document.addEventListener("input", function () { unsaved = true; });
  window.addEventListener("beforeunload", function (event) {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  progress();
})();
