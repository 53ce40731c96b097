package config

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileName is the name of the project configuration file.
const FileName = "tolmach.toml"

// ErrNotFound is returned (wrapped) by [Find] when no configuration file
// is found up to the file system root.
var ErrNotFound = errors.New(FileName + " not found")

// Severities a rule may be set to in [rules]; "off" disables the rule.
var Severities = []string{"error", "warning", "info", "off"}

// Config is a parsed tolmach.toml. Paths are absolute, resolved against
// the directory of the file.
type Config struct {
	Path       string            // the file read
	Dir        string            // its directory, which relative paths are resolved against
	Glossaries []string          // glossary files, in order
	TMs        []string          // translation memories, in order
	SourceLang string            // "ru", "en" or "" (decide per document)
	Rules      map[string]string // rule name → severity ("error", "warning", "info" or "off")
	Ignore     []Ignore
}

// Ignore suppresses the findings of one rule, for one concept, in the
// files matching a glob; an empty field matches anything.
type Ignore struct {
	Rule string // a check rule such as "term-missing"
	Term string // a concept id
	File string // a glob (path.Match syntax, "**/" allowed as a prefix) relative to Config.Dir
}

// file is the TOML shape of tolmach.toml.
type file struct {
	Glossaries []string          `toml:"glossaries"`
	TMs        []string          `toml:"tms"`
	SourceLang string            `toml:"source_lang"`
	Rules      map[string]string `toml:"rules"`
	Ignore     []Ignore          `toml:"ignore"`
}

// Find returns the path of the tolmach.toml in dir or its nearest
// ancestor, or an error wrapping [ErrNotFound].
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w (looked in %s and its parents)", ErrNotFound, dir)
		}
		dir = parent
	}
}

// Discover finds and loads the configuration for dir; it returns nil and
// no error when there is none.
func Discover(dir string) (*Config, error) {
	p, err := Find(dir)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Load(p)
}

// Load reads and validates the configuration file at p. Unknown keys,
// wrong types, unknown severities and source languages are errors that
// name p and the line.
func Load(p string) (*Config, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return Parse(data, p)
}

// Parse reads a configuration from data; p is its path, for errors and
// for resolving relative paths.
func Parse(data []byte, p string) (*Config, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	var f file
	md, err := toml.Decode(text, &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %s", p, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		// Type errors carry their line only in the message.
		if m := typeErrLine.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s: %s", p, m[1], m[2])
		}
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fmt.Errorf("%s:%d: unknown key %q (known: glossaries, tms, source_lang, [rules], [[ignore]] with rule, term, file)", p, lineOf(text, k[len(k)-1]), k.String())
	}
	c := &Config{Path: abs, Dir: filepath.Dir(abs), SourceLang: strings.ToLower(f.SourceLang), Rules: map[string]string{}, Ignore: f.Ignore}
	switch c.SourceLang {
	case "", "ru", "en", "auto":
	default:
		return nil, fmt.Errorf("%s:%d: source_lang = %q (want ru, en or auto)", p, lineOf(text, "source_lang"), f.SourceLang)
	}
	if c.SourceLang == "auto" {
		c.SourceLang = ""
	}
	for _, g := range f.Glossaries {
		c.Glossaries = append(c.Glossaries, c.resolve(g))
	}
	for _, t := range f.TMs {
		c.TMs = append(c.TMs, c.resolve(t))
	}
	rules := make([]string, 0, len(f.Rules))
	for r := range f.Rules {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		sev := strings.ToLower(f.Rules[r])
		ok := false
		for _, s := range Severities {
			ok = ok || s == sev
		}
		if !ok {
			return nil, fmt.Errorf("%s:%d: [rules] %s = %q (want error, warning, info or off)", p, lineOf(text, r), r, f.Rules[r])
		}
		c.Rules[r] = sev
	}
	for i, ig := range c.Ignore {
		if ig.Rule == "" && ig.Term == "" && ig.File == "" {
			return nil, fmt.Errorf("%s:%d: [[ignore]] entry %d is empty: give rule, term and/or file", p, nthLine(text, "[[ignore]]", i), i+1)
		}
		if ig.File != "" {
			if _, err := path.Match(strings.TrimPrefix(ig.File, "**/"), ""); err != nil {
				return nil, fmt.Errorf("%s:%d: [[ignore]] file = %q: %v", p, lineOf(text, "file"), ig.File, err)
			}
		}
	}
	return c, nil
}

var typeErrLine = regexp.MustCompile(`^toml: line (\d+) \(last key "[^"]*"\): (.*)$`)

func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(c.Dir, filepath.FromSlash(p))
}

// Severity returns the severity configured for rule, or def when the
// configuration (possibly nil) does not set it. "off" means the rule is
// disabled.
func (c *Config) Severity(rule, def string) string {
	if c == nil {
		return def
	}
	if s, ok := c.Rules[rule]; ok {
		return s
	}
	return def
}

// Ignored reports whether a finding of rule about concept id in file is
// suppressed by an [[ignore]] entry. file is matched relative to the
// configuration's directory when it lies below it, else by its base name.
func (c *Config) Ignored(rule, id, file string) bool {
	if c == nil {
		return false
	}
	rel := filepath.ToSlash(file)
	if abs, err := filepath.Abs(file); err == nil {
		if r, err := filepath.Rel(c.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			rel = filepath.ToSlash(r)
		}
	}
	for _, ig := range c.Ignore {
		if ig.Rule != "" && ig.Rule != rule {
			continue
		}
		if ig.Term != "" && ig.Term != id {
			continue
		}
		if ig.File != "" && !globMatch(ig.File, rel) {
			continue
		}
		return true
	}
	return false
}

// globMatch matches a path.Match pattern against a slash path; a leading
// "**/" matches any number of directories, and a pattern without a slash
// matches the base name too.
func globMatch(pattern, p string) bool {
	if ok, _ := path.Match(pattern, p); ok {
		return true
	}
	if rest, ok := strings.CutPrefix(pattern, "**/"); ok {
		for q := p; ; {
			if ok, _ := path.Match(rest, q); ok {
				return true
			}
			i := strings.IndexByte(q, '/')
			if i < 0 {
				return false
			}
			q = q[i+1:]
		}
	}
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(p))
		return ok
	}
	return false
}

// lineOf returns the line of the first assignment to or table of key in
// text, or 1: BurntSushi/toml reports unknown keys without positions.
func lineOf(text, key string) int {
	re := regexp.MustCompile(`^\s*(\[+\s*)?("?)` + regexp.QuoteMeta(key) + `("?)\s*(=|\])`)
	for i, l := range strings.Split(text, "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 1
}

// nthLine returns the line of the n-th (0-based) line starting with
// prefix, or 1.
func nthLine(text, prefix string, n int) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 1
}

// Template is the commented tolmach.toml that `tolmach init` writes.
const Template = `# tolmach project configuration. tolmach looks for this file in the
# working directory and its parents; paths are relative to this file.

# Glossaries to use instead of the built-in one (.glossary, .tbx, .csv,
# .tsv; see the README). --glossary on the command line overrides this.
# glossaries = ["terms/project.glossary", "terms/client.tbx"]

# Translation memories (.tmx or tolmach's native TM format).
# tms = ["memory/project.tmx"]

# Language of the originals: "ru", "en", or "auto" (by file name, then script).
# source_lang = "ru"

# Severity of each check rule: "error", "warning", "info" or "off".
[rules]
# term-missing = "error"
# term-forbidden = "error"
# term-inconsistent = "warning"
# number-mismatch = "error"
# untranslated = "error"
# segment-missing = "error"
# segment-extra = "warning"
# term-drift = "warning"
# term-partial = "warning"
# placeholder-mismatch = "error"

# Findings to ignore: any of rule, term (a concept id) and file (a glob).
# [[ignore]]
# rule = "term-missing"
# term = "sco"
# file = "drafts/*.en.txt"
`
