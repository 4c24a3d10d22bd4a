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
  for (const tab of $("tabs").querySelectorAll("button")) {
    tab.addEventListener("click", () => openScreen(tab.dataset.screen));
  }
  $("tabs").hidden = false;
  openScreen(location.hash === "#settings" ? "settings-screen" : "team");
  try {
    const [team, members] = await Promise.all([call("team"), call("members")]);
    showModes(team, texts);
    showSettings(team);
    showMembers(members.members, texts);
  } catch (error) {
    $("note").textContent = say(texts, "console.failed", { error: error.message });
  }
}

start();
