package serve

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The web app in a real browser: Debian's chromium, headless, driven
// over the DevTools protocol by chromedp. The test skips when no
// chromium is installed, except in CI (CI=true), whose script installs
// it. TOLMACH_UPDATE_SCREENSHOTS=1 writes the README's screenshots
// (docs/screenshots/*.png) from this run.

// chromiumPath finds a Chromium or Chrome binary.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed; .ci/run installs it with apt-get")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// serveForBrowser starts the server on a free loopback port over the
// built-in glossary and a TM, and returns its base URL.
func serveForBrowser(t *testing.T) string {
	t.Helper()
	_, tmPath := testFiles(t)
	s := newTestServer(t, Options{Addr: "127.0.0.1:0", Glossaries: []string{}, TMs: []string{tmPath}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// browser starts a headless chromium and returns a context driving one
// tab of it, bounded in time so that a hung browser fails the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root, where chromium's sandbox cannot start
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "en-GB"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

// screenshot saves the viewport as name.png in the test's directory and,
// with TOLMACH_UPDATE_SCREENSHOTS=1, in docs/screenshots.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s is not a PNG", name)
	}
	dirs := []string{t.TempDir()}
	if os.Getenv("TOLMACH_UPDATE_SCREENSHOTS") == "1" {
		dirs = append(dirs, filepath.Join("..", "docs", "screenshots"))
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// must runs steps, failing the test on error.
func must(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// get runs one action and returns its value, failing the test on error.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBrowserLookup(t *testing.T) {
	base := serveForBrowser(t)
	ctx := browser(t)
	// Typed key by key, as a translator would: the results come as the
	// script fetches them, with no form submitted.
	must(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "шанхайской организ"),
		// On a busy machine the keys arrive slowly and a prefix of the
		// query is answered first: wait for the answer to the whole one.
		chromedp.WaitVisible(`#results-count[data-q="шанхайской организ"]`),
		chromedp.WaitVisible("#results li.concept h3 a"),
	)
	first := get(t, ctx, chromedp.Text("#results li.concept h3 a"))
	location := get(t, ctx, chromedp.Location())
	if !strings.Contains(first, "Шанхайская организация сотрудничества") || !strings.Contains(first, "Shanghai Cooperation Organisation") {
		t.Errorf("first result %q, want the SCO in both languages", first)
	}
	if !strings.Contains(location, "/?q=") {
		t.Errorf("the address %q does not follow the query (links are not shareable)", location)
	}
	// The address is the lookup: opening it shows the same results.
	must(t, ctx, chromedp.Navigate(location), chromedp.WaitVisible("#results li.concept"))
	if again := get(t, ctx, chromedp.Text("#results li.concept h3 a")); again != first {
		t.Errorf("the shared link shows %q, typing showed %q", again, first)
	}
	// Offline and under the CSP: every resource came from the server,
	// and the stylesheet applied.
	if !get(t, ctx, chromedp.Evaluate[bool](`performance.getEntriesByType("resource").every(e => e.name.startsWith(location.origin + "/"))`)) {
		t.Errorf("the page fetched something from elsewhere")
	}
	if bg := get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("header.top")).backgroundColor`)); bg != "rgb(31, 78, 121)" {
		t.Errorf("the stylesheet did not apply (header background %q)", bg)
	}
	// Down from the box goes to the first result, for keyboard users.
	must(t, ctx, chromedp.Focus("#q"), chromedp.KeyEvent(kb.ArrowDown))
	if focused := get(t, ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("href")`)); !strings.HasPrefix(focused, "/glossary/") {
		t.Errorf("↓ from the box focused %q, not the first result", focused)
	}
	// A shorter query for the README's picture.
	must(t, ctx, chromedp.Navigate(base+"/?q=%D1%88%D0%BE%D1%81"), chromedp.WaitVisible("#results li.concept"))
	screenshot(t, ctx, "lookup")
}

// TestBrowserWithoutJavaScript: with scripts disabled, the form still
// searches and shows the results.
func TestBrowserWithoutJavaScript(t *testing.T) {
	base := serveForBrowser(t)
	ctx := browser(t)
	must(t, ctx, chromedp.Navigate("about:blank"))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	must(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "three forces of evil"),
		chromedp.Submit("#q"),
		chromedp.WaitVisible("#results li.concept h3 a"),
	)
	if first := get(t, ctx, chromedp.Text("#results li.concept h3 a")); !strings.Contains(first, "три силы зла") {
		t.Errorf("without JavaScript the form found %q", first)
	}
	if js := get(t, ctx, chromedp.Evaluate[bool](`!document.querySelector("button.copy") || document.querySelector("button.copy").hidden`)); !js {
		t.Errorf("scripts ran though disabled")
	}
}

func TestBrowserCheck(t *testing.T) {
	base := serveForBrowser(t)
	ctx := browser(t)
	ru, en := samplePair(t)
	must(t, ctx,
		chromedp.Navigate(base+"/check"),
		chromedp.WaitVisible("#source_text"),
		chromedp.SetValue("#source_text", ru),
		chromedp.SetValue("#target_text", en),
		chromedp.Click("#check-submit"),
		chromedp.WaitVisible("#summary"),
	)
	summary := get(t, ctx, chromedp.Text("#summary"))
	findings := get(t, ctx, chromedp.Text("ol.findings"))
	for _, want := range []string{"untranslated", "segment-missing", "number-mismatch", "term-forbidden", "term-missing"} {
		if !strings.Contains(findings, want) {
			t.Errorf("the report lacks a %s finding:\n%s", want, findings)
		}
	}
	if !strings.Contains(summary, "errors: 4") {
		t.Errorf("summary %q", summary)
	}
	if !get(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("li.finding.is-warning")).display !== "none"`)) {
		t.Errorf("a warning is not shown")
	}
	if !get(t, ctx, chromedp.Evaluate[bool](`!document.querySelector("button.copy").hidden`)) {
		t.Errorf("the script did not show the copy buttons")
	}
	// The suppression lines of the first finding, opened for the picture.
	must(t, ctx, chromedp.Click("li.finding details.suppress summary"), chromedp.WaitVisible("li.finding details.suppress pre"))
	if snippet := get(t, ctx, chromedp.Text("li.finding details.suppress pre")); !strings.HasPrefix(snippet, "[[ignore]]") {
		t.Errorf("the first suppression line is %q", snippet)
	}
	screenshot(t, ctx, "check")

	// Unticking the warnings hides them (CSS only); a finding's row link
	// leads to its row.
	must(t, ctx, chromedp.Click("#show-warning"))
	if !get(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector("li.finding.is-warning")).display === "none"`)) {
		t.Errorf("unticking warnings does not hide them")
	}
	must(t, ctx, chromedp.Click("li.finding.is-error .loc a"))
	if row := get(t, ctx, chromedp.Location()); !strings.Contains(row, "#r1-") {
		t.Errorf("a finding's link went to %q, not its row", row)
	}
	// The texts side by side, for the README.
	must(t, ctx, chromedp.Click("#show-warning"), chromedp.ScrollIntoView("table.aligned"))
	screenshot(t, ctx, "check-aligned")
}
