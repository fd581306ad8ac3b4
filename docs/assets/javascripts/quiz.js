/* Semaine de la sécurité des patients — play a quiz on the page.
   Without JavaScript every answer and explanation is readable in its <details>. Here each
   question gets a « Valider » button; a live region says right or wrong with the explanation,
   and once every question is answered the score is announced. */
(function () {
  "use strict";
  var form = document.getElementById("ssp-quiz");
  if (!form) { return; }
  var score = document.getElementById("ssp-quiz-score");
  var total = Number(score.getAttribute("data-total"));
  var answered = 0, right = 0;

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelectorAll(".ssp-quiz__question").forEach(function (item) {
    var button = item.querySelector(".ssp-quiz__check");
    var feedback = item.querySelector(".ssp-quiz__feedback");
    var details = item.querySelector(".ssp-quiz__answer");
    var inputs = Array.prototype.slice.call(item.querySelectorAll("input"));
    details.hidden = true;  // no spoiler: the explanation comes with the feedback
    button.hidden = false;
    button.addEventListener("click", function () {
      var chosen = inputs.filter(function (input) { return input.checked; });
      if (!chosen.length) {
        feedback.textContent = "Choisissez d'abord une réponse.";
        return;
      }
      var correct = inputs.every(function (input) { return input.checked === input.hasAttribute("data-correct"); });
      var answers = inputs.filter(function (input) { return input.hasAttribute("data-correct"); })
        .map(function (input) { return form.querySelector("label[for='" + input.id + "']").textContent; });
      var explanation = details.querySelector("p:last-child").textContent;
      feedback.textContent = (correct ? "Bonne réponse ! " : "Mauvaise réponse. La bonne réponse : " + answers.join(" ; ") + ". ") + explanation;
      feedback.className = "ssp-quiz__feedback ssp-quiz__feedback--" + (correct ? "right" : "wrong");
      inputs.forEach(function (input) { input.disabled = true; });
      button.disabled = true;
      answered += 1;
      right += correct ? 1 : 0;
      if (answered === total) {
        score.textContent = "Quiz terminé. Votre score\u00a0: " + right + "\u00a0sur\u00a0" + total + ".";  // « 6 sur 7 » on one line
      }
    });
  });
})();
