// Lighthouse (mobile defaults) on the public pages a form leads to: the report form refused,
// its answer (code and PIN), the status result, the second-factor pages and the field app.
// Each is a navigation started by a click (a POST), so plain `lighthouse URL` cannot reach it;
// the refused form answers 422, which Lighthouse only takes as a snapshot (no performance).
//
//   node tools/lighthouse/flow.mjs http://127.0.0.1:8000 [password]
//
// Prints one line per step (performance, accessibility, best practices) and every audit under
// 0.9, as bench/lighthouse.py does. Needs the demo data (seed_demo); it signs in as
// aktivis_bpp and supervisor_bpp (whose TOTP enrolment page it measures, enrolling nothing).
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const base = process.argv[2] || "http://127.0.0.1:8000";
const password = process.argv[3] || "Naungan-Demo-2026";
const chrome = process.env.NAUNGAN_CHROMIUM || "/usr/bin/chromium";
const config = {
  extends: "lighthouse:default",
  settings: { onlyCategories: ["performance", "accessibility", "best-practices"] },
};

const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
let worst = 100;

async function step(name, run) {
  const page = (await browser.pages())[0] || (await browser.newPage());
  const flow = await startFlow(page, { config, name });
  await run(page, flow);
  const result = (await flow.createFlowResult()).steps.at(-1).lhr;
  if (result.runtimeError) console.log(`    error: ${result.runtimeError.code} ${result.runtimeError.message}`);
  for (const w of result.runWarnings || []) console.log(`    warning: ${w}`);
  // A snapshot (a page that answers 4xx, which a navigation report refuses) has no load to
  // time: no performance score there.
  const scores = Object.entries(result.categories)
    .filter(([k, v]) => v.score !== null && !(k === "performance" && result.gatherMode === "snapshot"))
    .map(([k, v]) => [k, Math.round(v.score * 100)]);
  worst = Math.min(worst, ...scores.map(([, v]) => v));
  console.log(name.padEnd(34) + scores.map(([k, v]) => `${k} ${v}`).join("  "));
  for (const a of Object.values(result.audits)) {
    if (["binary", "numeric"].includes(a.scoreDisplayMode) && (a.score ?? 0) < 0.9) {
      console.log(`    ${a.id}: ${a.displayValue || ""} ${a.title}`);
    }
  }
  return page;
}

async function clickAndNavigate(flow, page, selector) {
  await flow.navigate(async () => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  });
}

async function signIn(page, username) {
  const client = await page.createCDPSession();
  await client.send("Network.clearBrowserCookies");
  await page.goto(`${base}/accounts/login/`);
  await page.type("#id_login", username);
  await page.type("#id_password", password);
  await Promise.all([page.waitForNavigation(), page.click("#login-submit")]);
}

let code = "";
let pin = "";
await step("/lapor/ refused (422, snapshot)", async (page, flow) => {
  await page.goto(`${base}/lapor/`);
  await Promise.all([page.waitForNavigation(), page.click("[data-testid=submit]")]);
  await flow.snapshot();
});
await step("/lapor/ answer (code, PIN)", async (page, flow) => {
  await page.goto(`${base}/lapor/`);
  await page.type("#id_description", "Tetangga saya sering memukul anaknya sampai menangis.");
  await page.click("input[name=violence_types][value=psychological]");
  await clickAndNavigate(flow, page, "[data-testid=submit]");
  code = await page.$eval("[data-testid=tracking-code]", (e) => e.textContent.trim());
  pin = await page.$eval("[data-testid=pin]", (e) => e.textContent.trim());
});
await step("/lapor/status/ result", async (page, flow) => {
  await page.goto(`${base}/lapor/status/`);
  await page.type("#id_tracking_code", code);
  await page.type("#id_pin", pin);
  await clickAndNavigate(flow, page, "[data-testid=status-form] button[type=submit]");
});
await step("/ppatbm/lapor/ (activist)", async (page, flow) => {
  await signIn(page, "aktivis_bpp");
  await flow.navigate(`${base}/ppatbm/lapor/`);
});
await step("second factor (supervisor)", async (page, flow) => {
  await signIn(page, "supervisor_bpp");
  console.log(`    ${page.url().replace(base, "")}`);
  await flow.navigate(page.url());
});
await browser.close();
console.log(`lowest score: ${worst}`);
process.exit(worst >= 90 ? 0 : 1);
