package report

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/check"
	"tolmach/glossary"
	"tolmach/internal/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

const fixtures = "../testdata/basic"

func loadGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Load(filepath.Join(fixtures, "test.glossary"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// basicReport checks the basic fixture pair, which has a finding of
// every rule.
func basicReport(t testing.TB) *check.Report {
	t.Helper()
	c := check.New(check.Options{Glossary: loadGlossary(t)})
	res, err := c.CheckFiles(context.Background(), filepath.Join(fixtures, "a.ru.txt"), filepath.Join(fixtures, "a.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return check.NewReport(c, res)
}

// nastyReport checks a pair whose text holds everything that breaks
// naive printers: quotes, angle brackets, ampersands, control
// characters, percent signs, commas and colons, line separators.
func nastyReport(t testing.TB, src, tgt string) (*check.Report, bool) {
	t.Helper()
	c := check.New(check.Options{Glossary: loadGlossary(t)})
	res, err := c.Check(context.Background(),
		check.NewDocument("dir, with: odd%chars/<a&b>.ru.txt", lang.RU, src),
		check.NewDocument("dir, with: odd%chars/\"q\".en.txt", lang.EN, tgt))
	if err != nil {
		return nil, false
	}
	return check.NewReport(c, res), true
}

func TestGolden(t *testing.T) {
	r := basicReport(t)
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			buf := golden(t, r, format, "basic")
			validate(t, format, buf.Bytes())
		})
	}
}

// golden prints r in format and compares it with testdata/NAME.FORMAT
// (rewritten with -update).
func golden(t *testing.T, r *check.Report, format, name string) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(format, &buf, r, Options{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+"."+format)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s output differs from %s (run go test ./check/report -update and review the diff)\n%s", format, path, buf.String())
	}
	return &buf
}

func TestTextColor(t *testing.T) {
	var plain, color bytes.Buffer
	r := basicReport(t)
	if err := Write("text", &plain, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write("text", &color, r, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("plain text output holds ANSI escapes")
	}
	if !strings.Contains(color.String(), ansiMark) || !strings.Contains(color.String(), ansiRed) {
		t.Error("coloured output has no colours")
	}
	if strings.Contains(color.String(), markOpen) {
		t.Error("coloured output uses the plain span markers")
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write("yaml", &bytes.Buffer{}, basicReport(t), Options{})
	if err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Fatalf("error %v does not list the formats", err)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ name, in, data, prop string }{
		{"plain", "abc", "abc", "abc"},
		{"percent", "100%", "100%25", "100%25"},
		{"newlines", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"colon and comma", "a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"percent first", "%0A", "%250A", "%250A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GitHubEscapeData(tt.in); got != tt.data {
				t.Errorf("data: %q, want %q", got, tt.data)
			}
			if got := GitHubEscapeProperty(tt.in); got != tt.prop {
				t.Errorf("property: %q, want %q", got, tt.prop)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean", "Шанхай «x»", "Шанхай «x»"},
		{"controls", "a\x00b\x01c\x1bd\x7fe", "abcde"},
		{"kept", "a\tb\nc\rd", "a\tb\nc\rd"},
		{"nonchars", "a\uFFFEb\uFFFFc", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitize(tt.in); got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var nastySeeds = [][2]string{
	{"Поворот на Восток «\"<script>alert(1)</script>\"» & 100% :, ШОС.\n\nВторой абзац\x00\x01 с 26,3 %.",
		"The \"turn\" to the East <b>&amp;</b> 100%, a:b SCO.\n\nSecond \x1b[31mparagraph\u2028 with 26.4 percent."},
	{"Шанхайская организация сотрудничества. Три силы зла.", "]]> --> <!-- \r\n Shanghai Cooperation Organization. Three evil forces."},
	{"Россия выступает за Большое Евразийское партнёрство.", "Russia \uFFFE\uFFFF firmly supports the idea of the Большое Евразийское партнёрство in Eurasia."},
}

func TestNastyText(t *testing.T) {
	for i, s := range nastySeeds {
		r, ok := nastyReport(t, s[0], s[1])
		if !ok {
			t.Fatalf("seed %d did not check", i)
		}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Write(format, &buf, r, Options{}); err != nil {
				t.Fatal(err)
			}
			validate(t, format, buf.Bytes())
		}
	}
}

func FuzzReports(f *testing.F) {
	for _, s := range nastySeeds {
		f.Add(s[0], s[1])
	}
	src, _ := os.ReadFile(filepath.Join(fixtures, "a.ru.txt"))
	tgt, _ := os.ReadFile(filepath.Join(fixtures, "a.en.txt"))
	f.Add(string(src), string(tgt))
	f.Fuzz(func(t *testing.T, src, tgt string) {
		r, ok := nastyReport(t, src, tgt)
		if !ok {
			return
		}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Write(format, &buf, r, Options{}); err != nil {
				t.Fatal(err)
			}
			validate(t, format, buf.Bytes())
		}
	})
}

// validate checks that out is well-formed in its format.
func validate(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "json":
		validateJSON(t, out)
	case "sarif":
		validateSARIF(t, out)
	case "junit":
		var v junitSuites
		if err := xml.Unmarshal(out, &v); err != nil {
			t.Fatalf("junit output does not parse: %v\n%s", err, out)
		}
	case "github":
		for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
			if strings.HasPrefix(line, "::") {
				if !strings.Contains(line[2:], "::") {
					t.Errorf("github command without message: %q", line)
				}
				continue
			}
			if !strings.HasPrefix(line, "tolmach check: ") {
				t.Errorf("github output line is neither a command nor the summary: %q", line)
			}
		}
	case "html":
		s := string(out)
		if strings.Contains(s, "<script") || strings.Contains(s, "http://") || strings.Contains(s, "src=") {
			t.Errorf("html output has scripts or external references")
		}
		if !strings.HasPrefix(s, "<!DOCTYPE html>") || !strings.HasSuffix(s, "</html>\n") {
			t.Errorf("html output is not one complete page")
		}
	}
}

func validateJSON(t *testing.T, out []byte) {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	for _, k := range []string{"version", "source", "target", "summary", "findings"} {
		if _, ok := v[k]; !ok {
			t.Errorf("json: no %q", k)
		}
	}
	fs, _ := v["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		for _, k := range []string{"rule", "severity", "message", "source", "target", "term", "related"} {
			if _, ok := m[k]; !ok {
				t.Errorf("json finding without %q: %v", k, m)
			}
		}
		if _, ok := m["related"].([]any); !ok {
			t.Errorf("json: related is not a list: %v", m["related"])
		}
		for _, side := range []string{"source", "target"} {
			if m[side] == nil {
				continue
			}
			loc := m[side].(map[string]any)
			for _, k := range []string{"path", "line", "column", "text", "match"} {
				if _, ok := loc[k]; !ok {
					t.Errorf("json %s location without %q", side, k)
				}
			}
		}
	}
}

// validateSARIF checks the properties SARIF 2.1.0 requires of what
// tolmach writes, and that GitHub code scanning reads.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	var v struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name           string `json:"name"`
					InformationURI string `json:"informationUri"`
					Rules          []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text *string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("sarif output does not parse: %v", err)
	}
	levels := map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	if v.Version != "2.1.0" || v.Schema == "" || len(v.Runs) != 1 {
		t.Fatalf("sarif: version %q, $schema %q, %d runs", v.Version, v.Schema, len(v.Runs))
	}
	run := v.Runs[0]
	if run.Tool.Driver.Name == "" || run.Tool.Driver.InformationURI == "" {
		t.Error("sarif: driver without name or informationUri")
	}
	ids := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || r.ShortDescription.Text == "" || !levels[r.DefaultConfiguration.Level] {
			t.Errorf("sarif: incomplete rule %+v", r)
		}
		ids[r.ID] = true
	}
	if run.Results == nil {
		t.Fatal("sarif: no results array")
	}
	for _, res := range *run.Results {
		if !ids[res.RuleID] || !levels[res.Level] || res.Message.Text == nil || *res.Message.Text == "" {
			t.Errorf("sarif: bad result %+v", res)
		}
		if len(res.Locations) == 0 {
			t.Errorf("sarif: result without location")
		}
		for _, l := range res.Locations {
			r := l.PhysicalLocation.Region
			if l.PhysicalLocation.ArtifactLocation.URI == "" || strings.ContainsAny(l.PhysicalLocation.ArtifactLocation.URI, " \"<>%\\") && !strings.Contains(l.PhysicalLocation.ArtifactLocation.URI, "%25") {
				t.Errorf("sarif: bad uri %q", l.PhysicalLocation.ArtifactLocation.URI)
			}
			if r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn <= r.StartColumn) {
				t.Errorf("sarif: bad region %+v", r)
			}
		}
	}
}

// TestBatchWithBrokenPair prints a batch in which one pair could not be
// checked: every format names the pair and says why, and the pair that
// was checked is reported as usual (golden files batch.FORMAT).
func TestBatchWithBrokenPair(t *testing.T) {
	r := basicReport(t)
	broken := check.PairError{
		Source: "articles/b.ru.txt", Target: "articles/b.en.txt",
		Err: errors.New("articles/b.en.txt: the text is in Russian, not English; check the file order or --source-lang"),
	}
	r.Errors = []check.PairError{broken}
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			buf := golden(t, r, format, "batch")
			out := buf.String()
			if !strings.Contains(out, "articles/b.en.txt") || !strings.Contains(out, "the text is in Russian, not English") {
				t.Errorf("%s output does not name the broken pair and why:\n%s", format, out)
			}
			if !strings.Contains(out, "a.en.txt") {
				t.Errorf("%s output lost the pair that was checked", format)
			}
			switch format {
			case "json":
				var v struct {
					Source *struct{}                                  `json:"source"`
					Pairs  []map[string]any                           `json:"pairs"`
					Errors []struct{ Source, Target, Message string } `json:"errors"`
				}
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatal(err)
				}
				if v.Source != nil || len(v.Pairs) != 1 || len(v.Errors) != 1 || v.Errors[0].Target != broken.Target {
					t.Errorf("json: want source null, one pair and one error; got %s", out)
				}
			case "junit":
				var v junitSuites
				if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatal(err)
				}
				if v.Errors != 1 {
					t.Errorf("junit: errors=%d, want 1", v.Errors)
				}
			case "sarif":
				var v sarifLog
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatal(err)
				}
				if inv := v.Runs[0].Invocations; len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 {
					t.Errorf("sarif: want one unsuccessful invocation with one notification; got %+v", inv)
				}
			}
			validateBatch(t, format, buf.Bytes())
		})
	}
}

// validateBatch is validate for a batch report, whose JSON has no
// source and target objects.
func validateBatch(t *testing.T, format string, out []byte) {
	t.Helper()
	if format != "json" {
		validate(t, format, out)
	}
}
