// Drives Debian's chromium (through playwright-core) over the generated HTML guidance for the
// tests in tests/suite/docs.rs. Usage:
//   node browser.mjs axe FILE.html...      runs axe-core on each page (WCAG 2.x A and AA, and
//                                          axe's best practices); prints the violations as JSON
//   node browser.mjs probe URL...          prints what a reader gets from each page: its title,
//                                          visible text, scripts, elements, search results
//   node browser.mjs layout WIDTH URL...   lays each page out WIDTH pixels wide and prints where
//                                          the content and the contents are, how wide the page
//                                          is, and how its tables are displayed
//   node browser.mjs shot WIDTH DIR URL... saves a picture of the top of each page, WIDTH
//                                          pixels wide, into DIR (for people to look at)
// Everything is local: pages are opened from the file system, axe-core comes from node_modules.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const axeSource = require.resolve("axe-core/axe.min.js");
const [mode, ...rest] = process.argv.slice(2);
// `layout` and `shot` take a width (and `shot` a folder) before the pages.
const width = mode === "layout" || mode === "shot" ? Number(rest.shift()) : 1280;
const shotDir = mode === "shot" ? rest.shift() : "";
const targets = rest;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const out = [];
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  for (const target of targets) {
    errors.length = 0;
    const url = target.includes("://") ? target : pathToFileURL(path.resolve(target)).href;
    await page.goto(url, { waitUntil: "load" });
    if (mode === "axe") {
      // Errors of the page itself; axe's own attempts to read the stylesheets of a file://
      // page (refused by the browser) come after this and are not the page's.
      const pageErrors = [...errors];
      await page.addScriptTag({ path: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: {
            type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
          },
          resultTypes: ["violations"],
        }),
      );
      out.push({
        page: target,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
        })),
        errors: pageErrors,
      });
    } else if (mode === "layout") {
      const probe = await page.evaluate(() => {
        const top = (sel) => {
          const e = document.querySelector(sel);
          return e ? e.getBoundingClientRect().top + window.scrollY : null;
        };
        return {
          mainTop: top("main"),
          tocTop: top(".sidebar"),
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          tables: [...document.querySelectorAll("main table")].map((t) => ({
            display: getComputedStyle(t.querySelector("tbody tr") || t).display,
            width: t.getBoundingClientRect().width,
          })),
          downloads: [...document.querySelectorAll(".downloads a")].map((a) => a.getAttribute("href")),
        };
      });
      out.push({ page: target, ...probe, errors: [...errors] });
    } else if (mode === "shot") {
      const name = path.basename(new URL(url).pathname, ".html") + `-${width}.png`;
      await page.screenshot({ path: path.join(shotDir, name), fullPage: false });
      out.push({ page: target, picture: path.join(shotDir, name) });
    } else {
      // Give the search script a moment to fill the results.
      await page.waitForTimeout(50);
      const probe = await page.evaluate(() => ({
        title: document.title,
        lang: document.documentElement.lang,
        text: document.body.innerText,
        scripts: [...document.scripts].map((s) => s.getAttribute("src") || "inline"),
        tags: [...new Set([...document.body.querySelectorAll("*")].map((e) => e.localName))].sort(),
        results: [...document.querySelectorAll("#search-results a")].map((a) => ({
          text: a.textContent,
          href: a.getAttribute("href"),
        })),
        status: (document.getElementById("search-status") || {}).textContent || "",
      }));
      out.push({ page: target, ...probe, errors: [...errors] });
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
