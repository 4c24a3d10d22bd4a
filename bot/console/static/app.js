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
  try {
    const team = await call("team");
    showModes(team, texts);
    showSettings(team);
  } catch (error) {
    $("note").textContent = say(texts, "console.failed", { error: error.message });
  }
}

start();
