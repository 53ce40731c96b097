package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tolmach/check"
)

// TestTextGroupsManyFindings: beyond GroupOver findings in a pair, the
// text format prints one line per rule and concept with its count (the
// counts add up to every finding) and says how to see them all; with
// Options.All, and in JSON, every finding is still there.
func TestTextGroupsManyFindings(t *testing.T) {
	rep := basicReport(t)
	res := rep.Results[0]
	base := res.Findings
	if len(base) == 0 {
		t.Fatal("the basic fixture has no findings")
	}
	copies := GroupOver/len(base) + 2
	var many []check.Finding
	for k := 0; k < copies; k++ {
		for _, f := range base {
			if f.Source != nil {
				src := *f.Source
				src.Line += 1000 * k
				f.Source = &src
			}
			many = append(many, f)
		}
	}
	res.Findings = many
	groups := map[string]int{}
	for _, f := range many {
		key := f.Rule
		if f.Term != nil && f.Term.ID != "" {
			key += " [" + f.Term.ID + "]"
		}
		groups[key]++
	}

	var text bytes.Buffer
	if err := Write("text", &text, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	if !strings.Contains(out, fmt.Sprintf("%d findings in %d groups", len(many), len(groups))) {
		t.Errorf("no grouped header for %d findings in %d groups:\n%s", len(many), len(groups), out)
	}
	line := regexp.MustCompile(`(?m)^  (error|warning|info)\s+(\S+)\s+(\d+)× (\[[^\]]+\])?`)
	got := map[string]int{}
	total := 0
	for _, m := range line.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[3])
		key := m[2]
		if m[4] != "" {
			key += " " + m[4]
		}
		got[key] += n
		total += n
	}
	if total != len(many) {
		t.Errorf("group counts add up to %d, want %d:\n%s", total, len(many), out)
	}
	for k, n := range groups {
		if got[k] != n {
			t.Errorf("group %s: %d, want %d", k, got[k], n)
		}
	}
	if !strings.Contains(out, "--all") || !strings.Contains(out, "--format json") {
		t.Errorf("the grouped output does not say how to see every finding:\n%s", out)
	}
	if strings.Count(out, "\n") > len(groups)+10 {
		t.Errorf("grouped output has %d lines for %d groups", strings.Count(out, "\n"), len(groups))
	}

	var all bytes.Buffer
	if err := Write("text", &all, rep, Options{All: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(all.String(), "groups by rule") || strings.Count(all.String(), "\n") < len(many) {
		t.Errorf("Options.All: want every finding listed by segment, got %d lines", strings.Count(all.String(), "\n"))
	}

	var js bytes.Buffer
	if err := Write("json", &js, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != len(many) {
		t.Errorf("JSON has %d findings, want all %d", len(doc.Findings), len(many))
	}
}
