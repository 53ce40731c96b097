package main

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmePath is the README, relative to this package.
const readmePath = "../../README.md"

// readmeSkip names the commands of README examples that are not run, and
// why; every other command line in a ```sh block is.
var readmeSkip = map[string]string{
	"serve": "runs until stopped; the serve package's tests start it",
}

// TestReadmeExamples runs every tolmach command line of the README's
// ```sh blocks, in order, in a temporary directory holding the sample
// articles under the names the examples use, so that no documented
// example can break unnoticed. A line passes when it exits 0 — or 1 for
// check and lint, which exit 1 on findings — with no error on stderr.
func TestReadmeExamples(t *testing.T) {
	lines, err := readmeCommandLines(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 20 {
		t.Fatalf("only %d command lines found in the README's sh blocks", len(lines))
	}
	dir := t.TempDir()
	writeReadmeFixtures(t, dir)
	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, ".cache"), "NO_COLOR=1")
	for _, l := range lines {
		args, redir, err := splitCommandLine(l.text)
		if err != nil {
			t.Errorf("README.md:%d: %v", l.line, err)
			continue
		}
		if len(args) < 2 || args[0] != "tolmach" {
			t.Errorf("README.md:%d: %q is not a tolmach command", l.line, l.text)
			continue
		}
		if why, ok := readmeSkip[args[1]]; ok {
			t.Logf("README.md:%d: not run (%s): %s", l.line, why, l.text)
			continue
		}
		cmd := exec.Command("tolmach", args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if redir.in != "" {
			f, err := os.Open(filepath.Join(dir, redir.in))
			if err != nil {
				t.Fatalf("README.md:%d: %v", l.line, err)
			}
			cmd.Stdin = f
			defer f.Close()
		}
		code := 0
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("README.md:%d: %v", l.line, err)
			}
			code = ee.ExitCode()
		}
		findings := code == exitFindings && (args[1] == "check" || args[1] == "lint")
		if code != 0 && !findings || strings.Contains(stderr.String(), "tolmach: error:") {
			t.Errorf("README.md:%d: %s\nexit %d\n%s", l.line, l.text, code, stderr.String())
			continue
		}
		if redir.out != "" {
			if err := os.WriteFile(filepath.Join(dir, redir.out), stdout.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestReadmeHelp holds the README's usage block to the real --help.
func TestReadmeHelp(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```\n\\$ tolmach --help\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md: no ```$ tolmach --help``` block")
	}
	var out bytes.Buffer
	if code := run([]string{"tolmach", "--help"}, &out, io.Discard); code != 0 {
		t.Fatalf("tolmach --help: exit %d", code)
	}
	// The version depends on the build; the README leaves it out.
	help := regexp.MustCompile(`(?m)^VERSION:\n.*\n\n`).ReplaceAllString(out.String(), "")
	if got := string(m[1]); got != help {
		t.Errorf("README.md's usage block is not tolmach --help; replace it with:\n%s", help)
	}
}

// readmeLine is one command line of a README example.
type readmeLine struct {
	line int
	text string
}

// readmeCommandLines returns the lines of the ```sh blocks of the README
// at path that run tolmach ("go run ./cmd/tolmach" counts as tolmach),
// without their comments.
func readmeCommandLines(path string) ([]readmeLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []readmeLine
	in := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "```"):
			in = !in && strings.TrimPrefix(l, "```") == "sh"
		case in:
			l = strings.Replace(strings.TrimSpace(l), "go run ./cmd/tolmach ", "tolmach ", 1)
			if strings.HasPrefix(l, "tolmach ") {
				out = append(out, readmeLine{n, l})
			}
		}
	}
	return out, sc.Err()
}

// redirections are a command line's "< FILE" and "> FILE".
type redirections struct{ in, out string }

// splitCommandLine splits a shell command line into words the way sh
// does for the README's examples: single and double quotes, backslash
// escapes, a comment from a '#' that starts a word, and the redirections
// "< FILE" and "> FILE". Anything else a shell would do (pipes,
// substitutions, variables) is refused, so an example needing it is
// noticed.
func splitCommandLine(s string) (args []string, r redirections, err error) {
	var word strings.Builder
	inWord, quote := false, rune(0)
	var pending *string // the redirection the next word names
	end := func() {
		if !inWord {
			return
		}
		if pending != nil {
			*pending, pending = word.String(), nil
		} else {
			args = append(args, word.String())
		}
		word.Reset()
		inWord = false
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				word.WriteRune(c)
			}
		case quote == '"':
			switch {
			case c == '"':
				quote = 0
			case c == '\\' && i+1 < len(rs) && strings.ContainsRune(`"\$`+"`", rs[i+1]):
				i++
				word.WriteRune(rs[i])
			case c == '$' || c == '`':
				return nil, r, fmt.Errorf("%q: substitutions are not supported", s)
			default:
				word.WriteRune(c)
			}
		case c == ' ' || c == '\t':
			end()
		case c == '#' && !inWord:
			end()
			if pending != nil {
				return nil, r, fmt.Errorf("%q: redirection without a file", s)
			}
			return args, r, nil
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == '\\' && i+1 < len(rs):
			i++
			word.WriteRune(rs[i])
			inWord = true
		case c == '<' || c == '>':
			end()
			if c == '<' {
				pending = &r.in
			} else {
				pending = &r.out
			}
		case strings.ContainsRune("|;&$`()*?[]{}~", c):
			return nil, r, fmt.Errorf("%q: %q is not supported in README examples run by the test", s, c)
		default:
			word.WriteRune(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, r, fmt.Errorf("%q: unterminated quote", s)
	}
	end()
	if pending != nil {
		return nil, r, fmt.Errorf("%q: redirection without a file", s)
	}
	return args, r, nil
}

// writeReadmeFixtures writes into dir, made from the sample articles in
// data/samples, the files the README's examples name.
func writeReadmeFixtures(t *testing.T, dir string) {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("../../data/samples", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, pair := range []string{"sco-eurasia", "russia-china"} {
		for _, l := range []string{"ru", "en"} {
			b := read(pair + "." + l + ".txt")
			write("data/samples/"+pair+"."+l+".txt", b)
			write("articles/"+pair+"."+l+".txt", b)
		}
	}
	ru, en := read("sco-eurasia.ru.txt"), read("sco-eurasia.en.txt")
	write("a.ru.txt", ru)
	write("a.en.txt", en)
	write("article.ru.md", ru) // plain paragraphs are Markdown
	write("article.en.md", en)
	write("new-article.ru.txt", read("russia-china.ru.txt"))

	// The TM inputs and the XLIFF file come from aligning the samples.
	align := func(format, src, tgt string) []byte {
		var out bytes.Buffer
		if code := run([]string{"tolmach", "align", "--no-glossary", "--format", format, src, tgt}, &out, io.Discard); code != 0 {
			t.Fatalf("align %s %s: exit %d", src, tgt, code)
		}
		return out.Bytes()
	}
	samples := "../../data/samples/"
	write("old.tmx", align("tmx", samples+"russia-china.ru.txt", samples+"russia-china.en.txt"))
	tsv := align("tsv", samples+"sco-eurasia.ru.txt", samples+"sco-eurasia.en.txt")
	write("pairs.tsv", tsv)

	var sentences, units strings.Builder
	for i, row := range strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:] {
		f := strings.Split(row, "\t")
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			continue
		}
		sentences.WriteString(f[0] + "\n")
		fmt.Fprintf(&units, "<trans-unit id=\"%d\"><source>%s</source><target>%s</target></trans-unit>\n", i+1, xmlEscape(f[0]), xmlEscape(f[1]))
	}
	write("sentences.txt", []byte(sentences.String()))
	write("translated.xlf", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="sco-eurasia.ru.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
`+units.String()+`</body></file>
</xliff>
`))
}

// xmlEscape escapes s for XML character data.
func xmlEscape(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		panic(err) // a strings.Builder never fails
	}
	return b.String()
}

func TestSplitCommandLine(t *testing.T) {
	tests := []struct {
		in      string
		args    []string
		in_, to string
		err     bool
	}{
		{in: `tolmach lookup "три силы зла"  # a comment`, args: []string{"tolmach", "lookup", "три силы зла"}},
		{in: `tolmach tm add --ru "…" --en '…'`, args: []string{"tolmach", "tm", "add", "--ru", "…", "--en", "…"}},
		{in: `tolmach align --format tmx a b > a.tmx`, args: []string{"tolmach", "align", "--format", "tmx", "a", "b"}, to: "a.tmx"},
		{in: `tolmach tm match --tm m.tmx < s.txt`, args: []string{"tolmach", "tm", "match", "--tm", "m.tmx"}, in_: "s.txt"},
		{in: `tolmach lookup a\ b x#y`, args: []string{"tolmach", "lookup", "a b", "x#y"}},
		{in: `tolmach check a b | less`, err: true},
		{in: `tolmach check "$HOME"`, err: true},
		{in: `tolmach check "a`, err: true},
		{in: `tolmach check >`, err: true},
	}
	for _, tt := range tests {
		args, r, err := splitCommandLine(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("splitCommandLine(%q): error %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if tt.err {
			continue
		}
		if fmt.Sprint(args) != fmt.Sprint(tt.args) || r.in != tt.in_ || r.out != tt.to {
			t.Errorf("splitCommandLine(%q) = %q <%q >%q, want %q <%q >%q", tt.in, args, r.in, r.out, tt.args, tt.in_, tt.to)
		}
	}
}
