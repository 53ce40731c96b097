package glossary

import (
	"strconv"
	"strings"
	"testing"
)

func TestLint(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "severity code origin-line" of each problem, in order
	}{
		{"clean", "[a]\nru: мир\nen: peace\n", nil},
		{"missing en", "[a]\nru: мир\n", []string{"warning missing-language 1"}},
		{"duplicate term", "[a]\nru: мир\nru: мир\nen: peace\n", []string{"error duplicate-term 3"}},
		{"yo variant", "[a]\nru: партнерство\nru: партнёрство\nen: partnership\n", []string{"warning yo-variant 3"}},
		{"yo variant deprecated is fine", "[a]\nru: партнёрство | preferred\nru: партнерство | deprecated\nen: partnership\n", nil},
		{"preferred and forbidden", "[a]\nru: мир | preferred\nru: мира | forbidden\nen: peace\n", []string{"error conflicting-status 3"}},
		{"same key in a concept", "[a]\nru: санкция\nru: санкции\nen: sanction\n", []string{"warning same-key 3"}},
		{"term in two concepts", "[a]\nru: мир\nen: peace\n[b]\nru: мир\nen: world\n", []string{"warning term-in-two-concepts 5"}},
		{"preferred here, forbidden there", "[a]\nru: мир | preferred\nen: peace\n[b]\nru: мир | forbidden\nru: вселенная\nen: world\n", []string{"error conflicting-status 5"}},
		{"many preferred", "[a]\nru: мир | preferred\nru: покой | preferred\nen: peace\n", []string{"warning many-preferred 3"}},
		{"no usable term", "[a]\nru: мир | deprecated\nen: peace\n", []string{"warning no-usable-term 1"}},
		{"unbalanced quotes", "[a]\nru: «мир\nen: (peace\nen: \"x\n", []string{"warning unbalanced 2", "warning unbalanced 3", "warning unbalanced 4"}},
		{"balanced quotes", "[a]\nru: «мир» (и „труд“)\nen: “peace” [x]\n", nil},
		{"space before punctuation", "[a]\nru: мир , труд\nen: peace\n", []string{"warning stray-space 2"}},
		{"no terms", "[a]\ndomain: x\n", []string{"error no-terms 1"}},
		{"mixed script word", "[a]\nru: Moнал\nen: Monal\n", []string{"error mixed-script 2"}},
		{"english term in cyrillic", "[a]\nru: мир\nen: мир во всём мире\n", []string{"warning wrong-script 3"}},
		{"russian term in latin", "[a]\nru: peace talks\nen: peace talks\n", []string{"warning wrong-script 2"}},
		{"latin acronym in russian is fine", "[a]\nru: G20\nen: G20\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.in), "l.glossary", Native)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range Lint(g) {
				_, line := SplitOrigin(p.Origin)
				got = append(got, string(p.Severity)+" "+p.Code+" "+strconv.Itoa(line))
				if p.Message == "" || p.Concept == "" {
					t.Errorf("problem without message or concept: %+v", p)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Lint =\n  %s\nwant\n  %s", strings.Join(got, "; "), strings.Join(tt.want, "; "))
			}
		})
	}
}

// TestLintSeesFileDuplicateIDs checks that a reader keeps the ids a file
// gives, duplicates included, so that lint names them: a TBX with ten
// <termEntry id="1"> (a real Weblate export) was renamed 1, 1-2, … before
// lint ran, and its duplicate-id check never fired.
func TestLintSeesFileDuplicateIDs(t *testing.T) {
	tbx := `<martif type="TBX"><text><body>
<termEntry id="1"><langSet xml:lang="ru"><tig><term>мир</term></tig></langSet><langSet xml:lang="en"><tig><term>peace</term></tig></langSet></termEntry>
<termEntry id="1"><langSet xml:lang="ru"><tig><term>война</term></tig></langSet><langSet xml:lang="en"><tig><term>war</term></tig></langSet></termEntry>
<termEntry id="1"><langSet xml:lang="ru"><tig><term>труд</term></tig></langSet><langSet xml:lang="en"><tig><term>labour</term></tig></langSet></termEntry>
<termEntry><langSet xml:lang="ru"><tig><term>май</term></tig></langSet><langSet xml:lang="en"><tig><term>May</term></tig></langSet></termEntry>
</body></text></martif>`
	g, err := Parse([]byte(tbx), "w.tbx", TBX)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Lint(g) {
		if p.Code == CodeDuplicateID {
			got = append(got, p.Origin)
		}
	}
	if strings.Join(got, " ") != "w.tbx:3 w.tbx:4" {
		t.Errorf("duplicate-id problems at %v, want w.tbx:3 w.tbx:4", got)
	}
	if id := g.Concepts[3].ID; id == "" || id == "1" {
		t.Errorf("a concept without an id got %q, want an id of its own", id)
	}
	// Merged for use, the ids are unique.
	seen := map[string]bool{}
	for _, c := range Merge(g).Concepts {
		if seen[c.ID] {
			t.Errorf("Merge left duplicate id %q", c.ID)
		}
		seen[c.ID] = true
	}
}

func TestLintInMemory(t *testing.T) {
	g := &Glossary{Concepts: []*Concept{
		{ID: "a", Origin: "x:1", Terms: []*Term{{Lang: "ru", Text: " мир"}, {Lang: "en", Text: "peace", Status: "prefered", Type: "noun"}, {Lang: "en", Text: ""}}},
		{ID: "a", Origin: "y:1", Terms: []*Term{{Lang: "ru", Text: "война"}, {Lang: "en", Text: "war"}}},
		{ID: "Bad", Origin: "y:5", Terms: []*Term{{Lang: "ru", Text: "труд"}, {Lang: "en", Text: "labour"}}},
	}}
	var codes []string
	for _, p := range Lint(g) {
		codes = append(codes, p.Code)
	}
	want := "stray-space invalid-status invalid-type empty-term duplicate-id invalid-id"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("codes = %s\nwant    %s", got, want)
	}
}

func TestSplitOrigin(t *testing.T) {
	tests := []struct {
		origin, file string
		line         int
	}{
		{"g.glossary:12", "g.glossary", 12},
		{`C:\terms\g.csv:3`, `C:\terms\g.csv`, 3},
		{"builtin:data/sco.glossary:7", "builtin:data/sco.glossary", 7},
		{"g.tbx", "g.tbx", 0},
		{"odd:name", "odd:name", 0},
	}
	for _, tt := range tests {
		t.Run(tt.origin, func(t *testing.T) {
			file, line := SplitOrigin(tt.origin)
			if file != tt.file || line != tt.line {
				t.Errorf("SplitOrigin = %q, %d; want %q, %d", file, line, tt.file, tt.line)
			}
		})
	}
}
