// The console page: who opened it (/app/api/me), then the team's mode and settings.
// Every call carries Telegram's signed launch data; the server checks it on each call.

const telegram = window.Telegram?.WebApp;
const launch = telegram?.initData ?? "";
const $ = (id) => document.getElementById(id);

async function call(path, options = {}) {
  const response = await fetch(`app/api/${path}`, {
    ...options,
    headers: { Authorization: `tma ${launch}`, "Content-Type": "application/json" },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? String(response.status));
  return body;
}

function say(texts, key, values = {}) {
  return (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function showModes(team, texts) {
  const box = $("modes");
  box.replaceChildren();
  for (const mode of team.modes) {
    const button = document.createElement("button");
    button.type = "button";
    button.role = "radio";
    button.dataset.mode = mode.value;
    button.textContent = mode.label;
    button.setAttribute("aria-checked", String(mode.value === team.mode));
    button.addEventListener("click", () => choose(mode, texts));
    box.append(button);
  }
  $("mode").hidden = false;
}

function showSettings(team) {
  const list = $("setting-list");
  list.replaceChildren();
  // The mode has its own choices above.
  for (const setting of team.settings.filter((s) => s.name !== "mode")) {
    const row = document.createElement("div");
    row.dataset.setting = setting.name;
    const label = document.createElement("dt");
    label.textContent = setting.label;
    const value = document.createElement("dd");
    value.textContent = setting.shown;
    row.append(label, value);
    list.append(row);
  }
  $("settings").hidden = false;
}

function details(member, texts) {
  const parts = [];
  if (member.open_leads) parts.push(say(texts, "console.leads", { count: member.open_leads }));
  if (member.weight !== 1) parts.push(say(texts, "console.weight", { weight: member.weight }));
  if (member.cap !== null) parts.push(say(texts, "console.cap", { cap: member.cap }));
  if (member.skills.length) parts.push(say(texts, "console.skills", { skills: member.skills.join(", ") }));
  if (member.back_on) parts.push(say(texts, "console.back_on", { day: member.back_on }));
  if (member.deputy) parts.push(say(texts, "console.deputy", { name: member.deputy }));
  return parts.join(" · ");
}

function showMembers(members, texts) {
  const list = $("members");
  list.replaceChildren();
  for (const member of members) {
    const item = document.createElement("li");
    item.dataset.member = member.id;
    const who = document.createElement("div");
    who.className = "who";
    const name = document.createElement("span");
    name.textContent = member.name;
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = member.state_label;
    who.append(name, state);
    item.append(who);
    const more = details(member, texts);
    if (more) {
      const line = document.createElement("p");
      line.className = "details";
      line.textContent = more;
      item.append(line);
    }
    if (member.state !== "away") {
      const paused = member.state === "paused";
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.pause = String(!paused);
      button.textContent = texts[paused ? "console.resume" : "console.pause"];
      button.addEventListener("click", () => pause(member, !paused, texts));
      item.append(button);
    }
    list.append(item);
  }
}

async function pause(member, paused, texts) {
  try {
    const answer = await call(`members/${member.id}/pause`, {
      method: "POST",
      body: JSON.stringify({ paused }),
    });
    showMembers(answer.members, texts);
    $("note").textContent = "";
    telegram?.HapticFeedback?.notificationOccurred("success");
  } catch (error) {
    $("note").textContent = say(texts, "console.failed", { error: error.message });
  }
}

function showRules(answer, texts) {
  const list = $("rule-list");
  list.replaceChildren();
  for (const rule of answer.rules) {
    const item = document.createElement("li");
    item.dataset.rule = rule.number;
    const handle = document.createElement("span");
    handle.className = "handle";
    handle.textContent = "⠿";
    const text = document.createElement("span");
    text.textContent = rule.text;
    item.append(handle, text);
    list.append(item);
  }
  $("rules-default").textContent = answer.rules.length ? answer.default : texts["console.rules_none"];
}

// A rule is dragged by its handle, with a mouse or a finger (pointer events), and dropped
// in its new place; the server moves it as /rule move does and answers the new order.
function dragToMove(texts) {
  const list = $("rule-list");
  let drag = null;
  list.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest(".handle");
    if (!handle) return;
    const item = handle.closest("li");
    drag = { item, from: Number(item.dataset.rule) };
    item.classList.add("dragging");
    list.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  list.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const others = [...list.children].filter((item) => item !== drag.item);
    const before = others.find((item) => {
      const box = item.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    list.insertBefore(drag.item, before ?? null);
  });
  const drop = async () => {
    if (!drag) return;
    const { item, from } = drag;
    drag = null;
    item.classList.remove("dragging");
    const to = [...list.children].indexOf(item) + 1;
    if (to === from) return;
    try {
      const answer = await call("rules/move", {
        method: "POST",
        body: JSON.stringify({ from, to }),
      });
      showRules(answer, texts);
      $("note").textContent = say(texts, "console.moved", { number: from, to });
      telegram?.HapticFeedback?.notificationOccurred("success");
    } catch (error) {
      $("note").textContent = say(texts, "console.failed", { error: error.message });
      showRules(await call("rules"), texts);
    }
  };
  list.addEventListener("pointerup", drop);
  list.addEventListener("pointercancel", drop);
}

function openScreen(screen) {
  for (const tab of $("tabs").querySelectorAll("button")) {
    const chosen = tab.dataset.screen === screen;
    tab.setAttribute("aria-selected", String(chosen));
    $(tab.dataset.screen).hidden = !chosen;
  }
  $("note").textContent = "";
}

async function choose(mode, texts) {
  try {
    const team = await call("team", { method: "PATCH", body: JSON.stringify({ mode: mode.value }) });
    showModes(team, texts);
    showSettings(team);
    $("note").textContent = say(texts, "console.saved", { mode: mode.label });
    telegram?.HapticFeedback?.notificationOccurred("success");
  } catch (error) {
    $("note").textContent = say(texts, "console.failed", { error: error.message });
  }
}

async function start() {
  telegram?.ready();
  telegram?.expand();
  if (!launch) return; // outside Telegram: the page says where to open it
  $("outside").hidden = true;
  let me;
  try {
    me = await call("me");
  } catch (error) {
    $("note").textContent = error.message;
    return;
  }
  const texts = me.texts;
  document.documentElement.lang = me.language;
  document.title = texts["console.title"];
  $("title").textContent = me.team ? `${texts["console.title"]} · ${me.team.title}` : texts["console.title"];
  if (me.role !== "head") {
    $("note").textContent = texts["console.manager"];
    return;
  }
  $("mode-title").textContent = texts["console.mode"];
  $("settings-title").textContent = texts["console.settings"];
  $("settings-hint").textContent = texts["console.settings_hint"];
  $("tab-team").textContent = texts["console.team"];
  $("tab-settings").textContent = texts["console.settings"];
  $("tab-rules").textContent = texts["console.rules"];
  $("rules-hint").textContent = texts["console.rules_hint"];
  dragToMove(texts);
  for (const tab of $("tabs").querySelectorAll("button")) {
    tab.addEventListener("click", () => openScreen(tab.dataset.screen));
  }
  $("tabs").hidden = false;
  const screens = { "#settings": "settings-screen", "#rules": "rules" };
  openScreen(screens[location.hash] ?? "team");
  try {
    const [team, members, rules] = await Promise.all([
      call("team"),
      call("members"),
      call("rules"),
    ]);
    showModes(team, texts);
    showSettings(team);
    showMembers(members.members, texts);
    showRules(rules, texts);
  } catch (error) {
    $("note").textContent = say(texts, "console.failed", { error: error.message });
  }
}

start();
