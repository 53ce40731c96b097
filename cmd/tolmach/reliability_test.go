package main

// Reliability tests that need real processes: memory ceilings on huge
// inputs and zip bombs, no network access, concurrent writers and
// readers, and SIGKILL at random points. The tolmach binary is built once
// for all of them (TestReliability's subtests). Bad-input cases that need
// no process measurements are in testdata/script/badinput_*.txtar.
//
// TOLMACH_STRESS=1 makes the loops bigger (a 100 MB line, 8×50 adds,
// more rounds); TOLMACH_SEED=N changes the seed of the kill delays.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tolmach/glossary"
	"tolmach/tm"
)

// stress reports whether the heavy versions of the loops were asked for.
func stress() bool { return os.Getenv("TOLMACH_STRESS") == "1" }

// hangLimit is how long one tolmach process may run before the test calls
// it hung. It is no timing assertion: a healthy run takes well under a
// tenth of it even on a loaded machine.
const hangLimit = 3 * time.Minute

// result is what one tolmach process did.
type result struct {
	stdout, stderr string
	code           int
	maxRSS         int64 // peak resident memory in bytes, 0 where unknown
	elapsed        time.Duration
}

// tolmach runs the binary built for these tests.
type tolmach struct {
	bin string
	env []string // added to the environment of every run
	// gnuTime is GNU time's path, if installed: tolmach is then started
	// by it, so that the peak memory measured is tolmach's own. (A child
	// started straight from the test inherits the test process's peak on
	// Linux: exec keeps the high-water mark of the memory it replaces.)
	gnuTime string
}

// command prepares a run of tolmach in dir with a private cache, no
// colours and no proxy settings inherited from the machine.
func (tl *tolmach) command(ctx context.Context, dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, tl.bin, args...)
	return tl.setup(cmd, dir, env)
}

// setup gives cmd its directory and environment.
func (tl *tolmach) setup(cmd *exec.Cmd, dir string, env []string) *exec.Cmd {
	cmd.Dir = dir
	base := []string{}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(k) {
		case "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "XDG_CACHE_HOME":
			continue
		}
		base = append(base, kv)
	}
	base = append(base, "XDG_CACHE_HOME="+filepath.Join(dir, ".cache"), "NO_COLOR=1")
	cmd.Env = append(append(base, tl.env...), env...)
	return cmd
}

// run runs tolmach to the end (or hangLimit) and reports what it did.
func (tl *tolmach) run(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := tl.command(ctx, dir, env, args...)
	var rssFile string
	if tl.gnuTime != "" {
		f, err := os.CreateTemp("", "tolmach-rss-")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		rssFile = f.Name()
		defer os.Remove(rssFile)
		cmd = tl.setup(exec.CommandContext(ctx, tl.gnuTime, append([]string{"-f", "%M", "-o", rssFile, tl.bin}, args...)...), dir, env)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("tolmach %s: still running after %v (hung?)", strings.Join(args, " "), hangLimit)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("tolmach %s: %v", strings.Join(args, " "), err)
	}
	if rssFile != "" {
		// GNU time writes "Command exited with non-zero status N" first
		// when tolmach fails; the last line is the peak in kB.
		data, _ := os.ReadFile(rssFile)
		lines := strings.Fields(string(data))
		if len(lines) > 0 {
			if kb, err := strconv.ParseInt(lines[len(lines)-1], 10, 64); err == nil {
				r.maxRSS = kb << 10
			}
		}
	} else if cmd.ProcessState != nil {
		r.maxRSS = maxRSS(cmd.ProcessState)
	}
	return r
}

// mustRun runs tolmach and fails the test unless it exits 0.
func (tl *tolmach) mustRun(t testing.TB, dir string, args ...string) result {
	t.Helper()
	r := tl.run(t, dir, nil, args...)
	if r.code != 0 {
		t.Fatalf("tolmach %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// buildTolmach builds the binary into a temporary directory.
func buildTolmach(t *testing.T) *tolmach {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	bin := filepath.Join(t.TempDir(), "tolmach")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tl := &tolmach{bin: bin}
	if p, err := exec.LookPath("/usr/bin/time"); err == nil {
		if exec.Command(p, "-f", "%M", "true").Run() == nil { // GNU time, not BSD's
			tl.gnuTime = p
		}
	}
	return tl
}

// TestReliability builds tolmach once and runs the process-level
// reliability checks as subtests.
func TestReliability(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs many processes; skipped with -short")
	}
	tl := buildTolmach(t)
	t.Run("LongLine", func(t *testing.T) { testLongLine(t, tl) })
	t.Run("DOCXZipBomb", func(t *testing.T) { testZipBomb(t, tl) })
	t.Run("NoNetwork", func(t *testing.T) { testNoNetwork(t, tl) })
	t.Run("ConcurrentAdd", func(t *testing.T) { testConcurrentAdd(t, tl) })
	t.Run("TMImportWhileReading", func(t *testing.T) { testTMImportWhileReading(t, tl) })
	t.Run("ConcurrentIndexBuild", func(t *testing.T) { testConcurrentIndexBuild(t, tl) })
	t.Run("Crash", func(t *testing.T) { testCrash(t, tl) })
}

// assertNoCrash fails when stderr shows a Go panic or runtime failure.
func assertNoCrash(t testing.TB, what string, r result) {
	t.Helper()
	if panicRE.MatchString(r.stderr) {
		t.Errorf("%s: stderr looks like a crash:\n%s", what, clip(r.stderr))
	}
}

// clip shortens long output for test logs.
func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

// writeFile writes a test input, failing the test on error.
func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// fileSum is the SHA-256 of a file, "absent" when it does not exist.
func fileSum(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(data)
	return fmt.Sprintf("%x", s[:8])
}

// longLine is n bytes of Russian and English words on one line, with no
// sentence end and no newline.
func longLine(n int) []byte {
	const words = "Шанхайская организация сотрудничества Shanghai Cooperation Organisation 2024 "
	b := bytes.Repeat([]byte(words), n/len(words)+1)
	return b[:n-n%len(words)]
}

// testLongLine feeds a single line of 5 MB (100 MB with TOLMACH_STRESS=1)
// to every command that reads files, as a glossary note, a glossary term
// (native and TBX), a CSV cell, a TSV unit, a TMX segment and a whole
// article: each refuses it with exit 2 and one error line naming the
// file and the line ("long.ru.txt:1:"), writes nothing, never panics or
// hangs, and keeps its peak memory under a constant (plus the file's
// size for TBX, which is parsed from memory): the limits of internal/lang (lang.MaxLineSize,
// lang.MaxTermLen, lang.MaxSegmentLen, lang.MaxFileSize) refuse the line
// before any per-byte work is done on it.
func testLongLine(t *testing.T, tl *tolmach) {
	size := 5 << 20
	if stress() {
		size = 100 << 20
	}
	dir := t.TempDir()
	line := longLine(size)
	write := func(name string, parts ...[]byte) {
		writeFile(t, filepath.Join(dir, name), bytes.Join(parts, nil))
	}
	write("long.glossary", []byte("[long]\nnote: "), line, []byte("\nru: мир\nen: peace\n"))
	// A term shorter than a line but far over lang.MaxTermLen.
	write("longterm.glossary", []byte("[long]\nru: "), line[:512<<10], []byte("\nen: peace\n"))
	write("long.tbx", []byte("<?xml version=\"1.0\"?>\n<martif type=\"TBX\"><text><body>\n<termEntry id=\"a\">\n"+
		"<langSet xml:lang=\"en\"><tig><term>peace</term></tig></langSet>\n<langSet xml:lang=\"ru\"><tig><term>"), line,
		[]byte("</term></tig></langSet>\n</termEntry>\n</body></text></martif>\n"))
	write("long.csv", []byte("ru,en\nмир,"), line, []byte("\n"))
	write("long.tsv", []byte("ru\ten\nмир\t"), line, []byte("\n"))
	write("long.tmx", []byte("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"ru\"/>\n<body>\n<tu>\n"+
		"<tuv xml:lang=\"en\"><seg>Peace.</seg></tuv>\n<tuv xml:lang=\"ru\"><seg>"), line, []byte("</seg></tuv>\n</tu>\n</body>\n</tmx>\n"))
	write("long.ru.txt", line)
	write("long.en.txt", []byte("Peace.\n"))
	write("a.ru.txt", []byte("Мир.\n"))
	write("long.md", line)
	// Peak memory allowed: a constant (the runtime, the morphology
	// tables, the 1 MiB of a line read before it is refused): articles
	// over lang.MaxFileSize are refused from their size, TMX is
	// streamed, line-based glossaries and tables are read up to the
	// long line. TBX alone is parsed from memory, so it may cost its
	// size once more.
	const limit = int64(100 << 20)
	cases := []struct {
		args  []string
		at    string // the file and line the error must name
		whole bool   // the format is read whole before parsing
	}{
		{[]string{"lookup", "--glossary", "long.glossary", "мир"}, "long.glossary:2", false},
		{[]string{"lookup", "--glossary", "longterm.glossary", "мир"}, "longterm.glossary:2", false},
		{[]string{"lookup", "--glossary", "long.tbx", "мир"}, "long.tbx:5", true},
		{[]string{"lint", "long.csv"}, "long.csv:2", false},
		{[]string{"export", "-g", "long.tsv", "--format", "tbx", "-o", "out.tbx"}, "long.tsv:2", false},
		{[]string{"import", "long.glossary", "--into", "imported.glossary"}, "long.glossary:2", false},
		{[]string{"check", "--glossary", "long.glossary", "a.ru.txt", "long.en.txt"}, "long.glossary:2", false},
		{[]string{"check", "long.ru.txt", "long.en.txt"}, "long.ru.txt:1", false},
		{[]string{"check", "a.ru.txt", "long.md"}, "long.md:1", false},
		{[]string{"align", "--no-glossary", "long.ru.txt", "long.en.txt"}, "long.ru.txt:1", false},
		{[]string{"tm", "import", "--into", "into.tmx", "long.tsv"}, "long.tsv:2", false},
		{[]string{"tm", "import", "--into", "into.tmx", "long.tmx"}, "long.tmx:7", false},
	}
	before := dirState(t, dir)
	for _, c := range cases {
		what := strings.Join(c.args, " ")
		r := tl.run(t, dir, nil, c.args...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		t.Logf("%s: exit %d, %.1fs, peak %d MB %s", what, r.code, r.elapsed.Seconds(), r.maxRSS>>20, clip(first))
		assertNoCrash(t, what, r)
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2\n%s", what, r.code, clip(r.stderr))
		} else if err := checkOneError(r.stderr, regexp.MustCompile(`^tolmach: error: (.*\W)?`+regexp.QuoteMeta(c.at)+`: .*(tolmach reads .* up to|over)`)); err != nil {
			t.Errorf("%s: %v", what, err)
		}
		max := limit
		if c.whole {
			max += int64(size)
		}
		if r.maxRSS > max {
			t.Errorf("%s: peak memory %d MB for a %d MB line (limit %d MB)", what, r.maxRSS>>20, size>>20, max>>20)
		}
		if after := dirState(t, dir); after != before {
			t.Errorf("%s: files changed:\nbefore:\n%s\nafter:\n%s", what, before, after)
		}
	}
}

// dirState lists the files of dir with their sizes and times (a cheap
// "nothing was written" check for inputs too big to hash every run),
// leaving out the cache and tm's empty lock files.
func dirState(t testing.TB, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == ".cache" || fi.Size() == 0 && strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".lock") {
			continue
		}
		fmt.Fprintf(&b, "%s %d %s\n", e.Name(), fi.Size(), fi.ModTime().Format(time.RFC3339Nano))
	}
	return b.String()
}

// testZipBomb checks a DOCX whose word/document.xml inflates to 2 GiB of
// zeros: declared honestly (refused from the header) and declared as
// 60 MB (inflation stops at the limit). Either way: exit 2, one error
// line naming the file, and bounded memory.
func testZipBomb(t *testing.T, tl *tolmach) {
	dir := t.TempDir()
	const size = 2 << 30
	bomb, err := zipBombDOCX(size)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "bomb.ru.docx"), bomb)
	// The same stream with a header that lies about the size.
	liar := bytes.Replace(bomb, le32(size), le32(60<<20), -1)
	if bytes.Equal(liar, bomb) {
		t.Fatal("could not rewrite the declared size")
	}
	writeFile(t, filepath.Join(dir, "liar.ru.docx"), liar)
	writeFile(t, filepath.Join(dir, "a.en.txt"), []byte("Peace.\n"))
	for _, name := range []string{"bomb.ru.docx", "liar.ru.docx"} {
		r := tl.run(t, dir, nil, "check", name, "a.en.txt")
		t.Logf("%s (%d kB zip, %d MB inflated): exit %d, peak %d MB: %s", name, len(bomb)>>10, size>>20, r.code, r.maxRSS>>20, strings.TrimSpace(r.stderr))
		assertNoCrash(t, name, r)
		if r.maxRSS > 300<<20 {
			t.Errorf("%s: peak memory %d MB", name, r.maxRSS>>20)
		}
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2", name, r.code)
		}
		if err := checkOneError(r.stderr, regexp.MustCompile(`^tolmach: error: `+regexp.QuoteMeta(name)+`: `)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// le32 is v as 4 little-endian bytes.
func le32(v uint32) []byte {
	return []byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}
}

// listener counts the connections made to a local TCP port.
type listener struct {
	ln    net.Listener
	conns atomic.Int64
}

func listen(t *testing.T) *listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.1: %v", err)
	}
	l := &listener{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			l.conns.Add(1)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return l
}

func (l *listener) url() string { return "http://" + l.ln.Addr().String() }

// testNoNetwork runs every XML-reading command on inputs that name DTDs,
// schemas and external entities by URL (at a local listener) and by local
// path (at a FIFO that records any open), with every proxy variable
// pointing at another local listener: nothing may connect to either
// listener, nothing may open the FIFO, and each input is parsed or
// refused without a fetch.
func testNoNetwork(t *testing.T, tl *tolmach) {
	proxy, remote := listen(t), listen(t)
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	opened := watchFIFO(t, secret)
	env := []string{}
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"} {
		env = append(env, k+"="+proxy.url())
	}
	env = append(env, "NO_PROXY=", "no_proxy=")
	u := remote.url()
	fileURL := "file://" + filepath.ToSlash(secret)
	doctype := func(root string) string {
		return `<!DOCTYPE ` + root + ` SYSTEM "` + u + `/` + root + `.dtd" [
 <!ENTITY web SYSTEM "` + u + `/entity.txt">
 <!ENTITY local SYSTEM "` + fileURL + `">
 <!ENTITY % pe SYSTEM "` + u + `/pe.dtd">
]>`
	}
	schema := `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x ` + u + `/schema.xsd"`
	tbx := func(term string) string {
		return `<?xml version="1.0"?>
` + doctype("martif") + `
<martif type="TBX-Basic" ` + schema + `><text><body><termEntry id="peace">
<langSet xml:lang="ru"><tig><term>` + term + `</term></tig></langSet>
<langSet xml:lang="en"><tig><term>peace</term></tig></langSet>
</termEntry></body></text></martif>
`
	}
	tmx := func(seg string) string {
		return `<?xml version="1.0"?>
` + doctype("tmx") + `
<tmx version="1.4" ` + schema + `><header srclang="ru-RU" segtype="sentence" adminlang="en" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ru-RU"><seg>` + seg + `</seg></tuv><tuv xml:lang="en-GB"><seg>Peace.</seg></tuv></tu>
</body></tmx>
`
	}
	xliff := func(src string) string {
		return `<?xml version="1.0"?>
` + doctype("xliff") + `
<xliff version="1.2" ` + schema + `><file source-language="ru" target-language="en" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>` + src + `</source><target>Peace.</target></trans-unit>
</body></file></xliff>
`
	}
	docxXML := func(text string) string {
		return `<?xml version="1.0"?>
` + doctype("w:document") + `
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` + schema + `><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>
`
	}
	files := map[string]string{
		"plain.tbx": tbx("мир"), "web.tbx": tbx("мир &web;"), "local.tbx": tbx("мир &local;"),
		"plain.tmx": tmx("Мир."), "web.tmx": tmx("Мир &web;."), "local.tmx": tmx("Мир &local;."),
		"plain.xlf": xliff("Мир."), "web.xlf": xliff("Мир &web;."), "local.xlf": xliff("Мир &local;."),
		"a.en.txt": "Peace.\n",
	}
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), []byte(body))
	}
	for _, d := range []struct{ name, text string }{
		{"plain.ru.docx", "Переговоры о мире продолжатся завтра в Москве."},
		{"web.ru.docx", "Переговоры о мире &web; продолжатся завтра в Москве."},
		{"local.ru.docx", "Переговоры о мире &local; продолжатся завтра в Москве."},
	} {
		data, err := buildDOCX(docxXML(d.text))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, d.name), data)
	}
	type run struct {
		args []string
		ok   bool // documented to succeed (DTD and schema references are ignored)
	}
	var runs []run
	for _, v := range []string{"plain", "web", "local"} {
		ok := v == "plain"
		runs = append(runs,
			run{[]string{"lookup", "--glossary", v + ".tbx", "мир"}, ok},
			run{[]string{"lint", v + ".tbx"}, ok},
			run{[]string{"export", "-g", v + ".tbx", "--format", "csv"}, ok},
			run{[]string{"import", v + ".tbx", "--into", v + "-imported.glossary"}, ok},
			run{[]string{"index", "build", "-g", v + ".tbx"}, ok},
			run{[]string{"tm", "import", "--into", v + "-tm.tmx", v + ".tmx"}, ok},
			run{[]string{"tm", "match", "--tm", v + ".tmx", "Мир."}, ok},
			run{[]string{"check", "--fail-on", "never", "--glossary", "plain.tbx", v + ".xlf"}, ok},
			// DOCX XML is read leniently: an entity is literal text, so all succeed.
			run{[]string{"check", "--fail-on", "never", "--glossary", "plain.tbx", v + ".ru.docx", "a.en.txt"}, true},
		)
	}
	for _, rn := range runs {
		what := strings.Join(rn.args, " ")
		r := tl.run(t, dir, env, rn.args...)
		assertNoCrash(t, what, r)
		switch {
		case rn.ok && r.code != 0:
			t.Errorf("%s: exit %d, want 0\n%s", what, r.code, clip(r.stderr))
		case !rn.ok && r.code != 2:
			t.Errorf("%s: exit %d, want 2\n%s", what, r.code, clip(r.stderr))
		case !rn.ok:
			if err := checkOneError(r.stderr, regexp.MustCompile(`^tolmach: error: `+regexp.QuoteMeta(rn.args[len(rn.args)-1])+`|: \S+\.(tbx|tmx|xlf):\d+`)); err != nil {
				t.Errorf("%s: %v", what, err)
			}
		}
		if strings.Contains(r.stdout+r.stderr, "FIFO-SECRET") {
			t.Errorf("%s: the local entity's content was printed", what)
		}
	}
	if n := proxy.conns.Load(); n > 0 {
		t.Errorf("%d connections to the proxy", n)
	}
	if n := remote.conns.Load(); n > 0 {
		t.Errorf("%d connections to the entity/DTD server", n)
	}
	if opened() {
		t.Errorf("the local file named by an external entity was opened")
	}
}

// testConcurrentAdd runs concurrent tolmach add processes against one
// CSV glossary (TestAddConcurrent covers .glossary and .tbx, 8×20); with
// TOLMACH_STRESS=1, 8×50 for each of .glossary, .tbx and .csv.
func testConcurrentAdd(t *testing.T, tl *tolmach) {
	procs, each, exts := 4, 10, []string{".csv"}
	if stress() {
		procs, each, exts = 8, 50, []string{".glossary", ".tbx", ".csv"}
	}
	for _, ext := range exts {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			file := "shared" + ext
			var wg sync.WaitGroup
			errs := make(chan string, procs*each)
			for p := 0; p < procs; p++ {
				wg.Add(1)
				go func(p int) {
					defer wg.Done()
					for i := 0; i < each; i++ {
						r := tl.run(t, dir, nil, "add", "--glossary", file,
							"--ru", fmt.Sprintf("термин %d-%d", p, i), "--en", fmt.Sprintf("term %d-%d", p, i),
							"--id", fmt.Sprintf("t-%d-%d", p, i))
						if r.code != 0 {
							errs <- fmt.Sprintf("process %d, add %d: exit %d\n%s", p, i, r.code, r.stderr)
							return
						}
					}
				}(p)
			}
			wg.Wait()
			close(errs)
			for e := range errs {
				t.Error(e)
			}
			g, err := glossary.Load(filepath.Join(dir, file))
			if err != nil {
				t.Fatalf("the glossary after the adds: %v", err)
			}
			if len(g.Concepts) != procs*each {
				t.Errorf("%d concepts, want %d", len(g.Concepts), procs*each)
			}
			for p := 0; p < procs; p++ {
				for i := 0; i < each; i++ {
					if g.Lookup(fmt.Sprintf("t-%d-%d", p, i)) == nil {
						t.Errorf("t-%d-%d missing", p, i)
					}
				}
			}
			assertNoTemp(t, dir)
		})
	}
}

// assertNoTemp fails when a temporary file is left in dir.
func assertNoTemp(t testing.TB, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// tmPairs is a TSV of n RU–EN pairs numbered from first.
func tmPairs(first, n int) []byte {
	var b bytes.Buffer
	b.WriteString("ru\ten\n")
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "Министр иностранных дел прибыл в город номер %d для переговоров.\tThe Foreign Minister arrived in city number %d for talks.\n", i, i)
	}
	return b.Bytes()
}

// testTMImportWhileReading runs tm import again and again into one TM
// while other processes run lookup and tm match against it: no command
// fails, and the TM ends with every unit.
func testTMImportWhileReading(t *testing.T, tl *tolmach) {
	imports, per := 8, 50
	if stress() {
		imports, per = 40, 200
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "g.glossary"), []byte("[peace]\nru: мир\nen: peace\n"))
	writeFile(t, filepath.Join(dir, "seed.tsv"), tmPairs(0, per))
	tl.mustRun(t, dir, "tm", "import", "-q", "--into", "tm.tmx", "seed.tsv")
	for i := 1; i <= imports; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("in%d.tsv", i)), tmPairs(i*per, per))
	}
	var done atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	fail := func(format string, args ...any) {
		mu.Lock()
		failures = append(failures, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	reader := func(args ...string) {
		defer wg.Done()
		for !done.Load() {
			r := tl.run(t, dir, nil, args...)
			reads.Add(1)
			if r.code != 0 || panicRE.MatchString(r.stderr) {
				fail("%s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
				return
			}
			if args[0] == "tm" && !strings.Contains(r.stdout, "%") && !strings.Contains(r.stdout, `"score"`) {
				fail("tm match found nothing:\n%s", r.stdout)
				return
			}
		}
	}
	wg.Add(3)
	go reader("lookup", "--glossary", "g.glossary", "мира")
	go reader("tm", "match", "--tm", "tm.tmx", "Министр иностранных дел прибыл в город номер 7 для переговоров.")
	go reader("tm", "match", "--tm", "tm.tmx", "--format", "json", "The Foreign Minister arrived in city number 7.")
	for i := 1; i <= imports; i++ {
		r := tl.run(t, dir, nil, "tm", "import", "-q", "--into", "tm.tmx", fmt.Sprintf("in%d.tsv", i))
		if r.code != 0 {
			fail("tm import %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	done.Store(true)
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("%d imports of %d units alongside %d reads", imports, per, reads.Load())
	x, err := tm.Open(filepath.Join(dir, "tm.tmx"), tm.Options{}) // read afresh, no cache
	if err != nil {
		t.Fatalf("the TM after the imports: %v", err)
	}
	defer x.Close()
	if got, want := x.Len(), (imports+1)*per; got != want {
		t.Errorf("%d units in the TM, want %d", got, want)
	}
	assertNoTemp(t, dir)
}

// testConcurrentIndexBuild runs two index builds of the same glossaries
// at once, round after round, changing the glossary between rounds: both
// succeed, and lookup afterwards finds the newest concept (the cache is
// never left corrupt or stale).
func testConcurrentIndexBuild(t *testing.T, tl *tolmach) {
	rounds := 4
	if stress() {
		rounds = 25
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "g.glossary"), glossaryOf(0, 200))
	for round := 0; round < rounds; round++ {
		term := fmt.Sprintf("новинка%d", round)
		tl.mustRun(t, dir, "add", "-g", "g.glossary", "--ru", term, "--en", fmt.Sprintf("novelty %d", round), "--id", fmt.Sprintf("new-%d", round))
		var wg sync.WaitGroup
		results := make([]result, 2)
		for i := range results {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				results[i] = tl.run(t, dir, nil, "index", "build", "-g", "g.glossary")
			}(i)
		}
		wg.Wait()
		for i, r := range results {
			if r.code != 0 || panicRE.MatchString(r.stderr) {
				t.Fatalf("round %d, build %d: exit %d\n%s", round, i, r.code, r.stderr)
			}
		}
		r := tl.mustRun(t, dir, "lookup", "-g", "g.glossary", "--format", "json", term)
		if !strings.Contains(r.stdout, fmt.Sprintf(`"id": "new-%d"`, round)) {
			t.Fatalf("round %d: lookup %s did not find new-%d:\n%s\n%s", round, term, round, r.stdout, r.stderr)
		}
		st := tl.mustRun(t, dir, "index", "status", "-g", "g.glossary")
		if !strings.Contains(st.stdout, "fresh") {
			t.Errorf("round %d: index status:\n%s", round, st.stdout)
		}
	}
	assertNoIndexTemp(t, filepath.Join(dir, ".cache", "tolmach", "index"))
}

// assertNoIndexTemp fails when a finished build left a temporary
// directory in the index cache.
func assertNoIndexTemp(t testing.TB, root string) {
	t.Helper()
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			t.Errorf("temporary index directory left: %s", e.Name())
		}
	}
}

// glossaryOf is a native glossary of n concepts numbered from first.
func glossaryOf(first, n int) []byte {
	var b bytes.Buffer
	b.WriteString("# tolmach glossary\n")
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "\n[c%d]\nru: термин номер %d\nen: term number %d\n", i, i, i)
	}
	return b.Bytes()
}

// copyFile copies src over dst.
func copyFile(t testing.TB, dst, src string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dst, data)
}

// killSeed is the seed of the random kill delays (TOLMACH_SEED, else 1).
func killSeed() uint64 {
	if s, err := strconv.ParseUint(os.Getenv("TOLMACH_SEED"), 10, 64); err == nil {
		return s
	}
	return 1
}

// killedRun starts tolmach, sends SIGKILL after delay (unless it ended
// first) and reports whether it was killed.
func (tl *tolmach) killedRun(t testing.TB, dir string, delay time.Duration, args ...string) (killed bool) {
	t.Helper()
	cmd := tl.command(context.Background(), dir, nil, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case <-exited:
		return false
	case <-time.After(delay):
		cmd.Process.Kill() // SIGKILL on Unix: no deferred cleanup runs
		<-exited
		return cmd.ProcessState != nil && !cmd.ProcessState.Success() && cmd.ProcessState.ExitCode() == -1
	}
}

// crashCase is one command killed at random points: reset puts the files
// back in their old state, args is the command, verify checks the state
// after the kill (old or new, never torn; the next command works) and
// returns "old" or "new"; state, if set, is a cheaper verify for after
// a clean run.
type crashCase struct {
	name   string
	setup  func(t *testing.T, dir string)
	reset  func(t *testing.T, dir string)
	args   []string
	verify func(t *testing.T, dir string) string
	state  func(dir string) string
	// verified: verify already runs the next command (lookup rebuilds a
	// missing index), so the command is not run again after each kill.
	verified bool
}

// testCrash kills tm import, index build and add with SIGKILL at random
// points (20 times each; 100 with TOLMACH_STRESS=1): after every kill the
// file is its old or its new version (checksums, and it parses), and the
// next command works and gives the new version.
func testCrash(t *testing.T, tl *tolmach) {
	kills := 20
	if stress() {
		kills = 100
	}
	seed := killSeed()
	t.Logf("kill delays from seed %d (TOLMACH_SEED)", seed)

	var tmOld, tmNew, gOld, gNew string
	cases := []crashCase{{
		name: "tm-import",
		setup: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "old.tsv"), tmPairs(0, 1500))
			writeFile(t, filepath.Join(dir, "new.tsv"), tmPairs(1500, 1500))
			tl.mustRun(t, dir, "tm", "import", "-q", "--into", "tm.tmx", "old.tsv")
			copyFile(t, filepath.Join(dir, "old.tmx"), filepath.Join(dir, "tm.tmx"))
			tl.mustRun(t, dir, "tm", "import", "-q", "--into", "tm.tmx", "new.tsv")
			copyFile(t, filepath.Join(dir, "new.tmx"), filepath.Join(dir, "tm.tmx"))
			tmOld, tmNew = fileSum(t, filepath.Join(dir, "old.tmx")), fileSum(t, filepath.Join(dir, "new.tmx"))
		},
		reset: func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "tm.tmx"), filepath.Join(dir, "old.tmx"))
		},
		args: []string{"tm", "import", "-q", "--into", "tm.tmx", "new.tsv"},
		verify: func(t *testing.T, dir string) string {
			state := map[string]string{tmOld: "old", tmNew: "new"}[fileSum(t, filepath.Join(dir, "tm.tmx"))]
			if state == "" {
				t.Fatalf("tm.tmx is neither the old nor the new version")
			}
			x, err := tm.Open(filepath.Join(dir, "tm.tmx"), tm.Options{}) // read afresh, no cache
			if err != nil {
				t.Fatalf("tm.tmx after a kill (%s): %v", state, err)
			}
			defer x.Close()
			if want := map[string]int{"old": 1500, "new": 3000}[state]; x.Len() != want {
				t.Fatalf("%d units after a kill (%s), want %d", x.Len(), state, want)
			}
			return state
		},
	}, {
		name: "index-build",
		setup: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "g.glossary"), glossaryOf(0, 800))
		},
		reset: func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, ".cache"))
		},
		args: []string{"index", "build", "-g", "g.glossary"},
		verify: func(t *testing.T, dir string) string {
			state := indexState(dir)
			r := tl.mustRun(t, dir, "lookup", "-g", "g.glossary", "--format", "json", "термином номер 123")
			if !strings.Contains(r.stdout, `"id": "c123"`) {
				t.Fatalf("lookup after a kill (%s) did not find c123:\n%s\n%s", state, r.stdout, r.stderr)
			}
			assertNoCrash(t, "lookup after a kill", r)
			if r.stderr != "" {
				t.Logf("lookup after a kill (%s): %s", state, strings.TrimSpace(r.stderr))
			}
			return state // what the kill left; lookup has rebuilt it if needed
		},
		state:    indexState,
		verified: true,
	}, {
		name: "add",
		setup: func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "g.glossary"), glossaryOf(0, 20000))
			tl.mustRun(t, dir, "add", "-g", "g.glossary", "--ru", "новинка", "--en", "novelty", "--id", "novelty")
			copyFile(t, filepath.Join(dir, "new.glossary"), filepath.Join(dir, "g.glossary"))
			writeFile(t, filepath.Join(dir, "old.glossary"), glossaryOf(0, 20000))
			// The old version as add would write it (canonical form).
			tl.mustRun(t, dir, "export", "-g", "old.glossary", "--format", "native", "-o", "canon.glossary")
			gOld, gNew = fileSum(t, filepath.Join(dir, "canon.glossary")), fileSum(t, filepath.Join(dir, "new.glossary"))
		},
		reset: func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "g.glossary"), filepath.Join(dir, "canon.glossary"))
		},
		args: []string{"add", "-g", "g.glossary", "--ru", "новинка", "--en", "novelty", "--id", "novelty"},
		verify: func(t *testing.T, dir string) string {
			state := map[string]string{gOld: "old", gNew: "new"}[fileSum(t, filepath.Join(dir, "g.glossary"))]
			if state == "" {
				t.Fatalf("g.glossary is neither the old nor the new version")
			}
			g, err := glossary.Load(filepath.Join(dir, "g.glossary"))
			if err != nil {
				t.Fatalf("g.glossary after a kill: %v", err)
			}
			if want := map[string]int{"old": 20000, "new": 20001}[state]; len(g.Concepts) != want {
				t.Fatalf("%d concepts after a kill (%s), want %d", len(g.Concepts), state, want)
			}
			return state
		},
	}}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // the three cases share nothing but the CPU
			rng := rand.New(rand.NewPCG(seed, uint64(i)))
			dir := t.TempDir()
			c.setup(t, dir)
			// A clean run's duration sets the range of the kill delays.
			c.reset(t, dir)
			clean := tl.mustRun(t, dir, c.args...).elapsed
			if got := c.verify(t, dir); got != "new" {
				t.Fatalf("a clean run left the %s version", got)
			}
			start := time.Now()
			counts := map[string]int{}
			for i := 0; i < kills; i++ {
				c.reset(t, dir)
				delay := time.Duration(rng.Int64N(int64(clean)*3/2 + 1))
				killed := tl.killedRun(t, dir, delay, c.args...)
				state := c.verify(t, dir)
				counts[fmt.Sprintf("killed=%v state=%s", killed, state)]++
				if c.verified {
					continue
				}
				// The next command works and brings the new version.
				tl.mustRun(t, dir, c.args...)
				quick := c.verify
				if c.state != nil {
					quick = func(_ *testing.T, dir string) string { return c.state(dir) }
				}
				if got := quick(t, dir); got != "new" {
					t.Fatalf("kill %d (after %v): the next run left the %s version", i, delay, got)
				}
			}
			assertNoTemp(t, dir)
			t.Logf("clean run %v; %d kills in %v: %v", clean.Round(time.Millisecond), kills, time.Since(start).Round(time.Millisecond), counts)
		})
	}
}

// indexState is "new" when the index cache holds a finished build (its
// manifest is written last), else "old" (no index: lookup builds one).
func indexState(dir string) string {
	if m, _ := filepath.Glob(filepath.Join(dir, ".cache", "tolmach", "index", "glossary-*", "manifest.json")); len(m) > 0 {
		return "new"
	}
	return "old"
}

// namesAFile matches an error line that names one of the files among args.
func namesAFile(args []string) *regexp.Regexp {
	var files []string
	for _, a := range args {
		if strings.Contains(a, ".") && !strings.HasPrefix(a, "-") {
			files = append(files, regexp.QuoteMeta(a))
		}
	}
	return regexp.MustCompile(`^tolmach: error: .*\b(` + strings.Join(files, "|") + `)\b`)
}
