package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tolmach/internal/shareddata"
)

// TestNumberMessagesQuoteDifferentNumbers holds an invariant of
// number-mismatch: a finding that names a number on both sides never
// names the same number twice (a message saying «2021» against "2021" is
// wrong by construction, whatever the parser made of the context). It
// runs over the evaluation set, the samples and, when present, the WMT22
// and WMT23 news pairs and the WMT pairs of other domains of
// ../shared/data.
func TestNumberMessagesQuoteDifferentNumbers(t *testing.T) {
	c := New(Options{Glossary: builtinGlossary(t)})
	var pairs [][2]string
	root := repoRoot(t)
	cases, _ := filepath.Glob(filepath.Join(root, "check", "testdata", "eval", "*"))
	for _, dir := range cases {
		src, _ := filepath.Glob(filepath.Join(dir, "source.*"))
		tgt, _ := filepath.Glob(filepath.Join(dir, "target.*"))
		if len(src) == 1 && len(tgt) == 1 {
			pairs = append(pairs, [2]string{src[0], tgt[0]})
		}
	}
	samples := filepath.Join(root, "data", "samples")
	pairs = append(pairs,
		[2]string{filepath.Join(samples, "sco-eurasia.ru.txt"), filepath.Join(samples, "sco-eurasia.en.txt")},
		[2]string{filepath.Join(samples, "russia-china.en.txt"), filepath.Join(samples, "russia-china.ru.txt")})
	if !testing.Short() {
		pairs = append(pairs, wmtTunePairs(t)...)
	}
	checked := 0
	for _, pr := range pairs {
		res, err := c.CheckFiles(context.Background(), pr[0], pr[1])
		if err != nil {
			continue // a broken pair (the dev set keeps two) is no number finding
		}
		checked++
		for _, f := range res.Findings {
			if f.Rule != "number-mismatch" || f.Source == nil || f.Target == nil || f.Source.Match == "" || f.Target.Match == "" {
				continue
			}
			// The same number written alike may only be reported when it
			// reads differently, and the message must say how.
			if sameWritten(f.Source.Match, f.Target.Match) && !strings.Contains(f.Message, " reads ") {
				t.Errorf("%s:%d: %s", f.Source.Path, f.Source.Line, f.Message)
			}
		}
	}
	if checked < len(cases) {
		t.Fatalf("only %d pairs checked", checked)
	}
	t.Logf("%d pairs checked", checked)
}

// wmtTunePairs returns the WMT22 and WMT23 news document pairs and the
// documents of the other domains (social, speech, reviews…, all years)
// of the shared WMT folder (source first), or none when it is absent. Of
// the news only these years are the development part; WMT21 and WMT24
// news are kept unseen.
func wmtTunePairs(t *testing.T) [][2]string {
	t.Helper()
	data := shareddata.Find()
	if data == "" {
		return nil
	}
	dir := filepath.Join(data, "wmt_news_ru_en")
	index, err := os.ReadFile(filepath.Join(dir, "index.tsv"))
	if err != nil {
		return nil
	}
	var out [][2]string
	for _, line := range strings.Split(string(index), "\n")[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || cols[3] == "news" && cols[1] != "2022" && cols[1] != "2023" {
			continue
		}
		src, tgt, _ := strings.Cut(cols[0], "-")
		base := filepath.Join(dir, cols[0], cols[2])
		out = append(out, [2]string{base + "." + src + ".txt", base + "." + tgt + ".txt"})
	}
	return out
}

// TestSameWritten: what counts as the same number written alike.
func TestSameWritten(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2023", "2023", true},
		{"1 234", "1\u00a0234", true},
		{"7,5%", "7.5%", false},
		{"39.6 млн", "39.6", false},
	}
	for _, tt := range tests {
		if got := sameWritten(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWritten(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
