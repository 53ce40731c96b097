package glossary

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestNativeRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.glossary")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(data, "sample.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Write(&out, g, Native); err != nil {
		t.Fatal(err)
	}
	g2, err := Parse(out.Bytes(), "out.glossary", Native)
	if err != nil {
		t.Fatalf("re-reading the written glossary: %v\n%s", err, out.String())
	}
	var out2 bytes.Buffer
	if err := Write(&out2, g2, Native); err != nil {
		t.Fatal(err)
	}
	if out.String() != out2.String() {
		t.Errorf("writing is not canonical:\n%s\n---\n%s", out.String(), out2.String())
	}
	checkSample(t, g2)
}

// checkSample asserts the details of testdata/sample.glossary survived.
func checkSample(t *testing.T, g *Glossary) {
	t.Helper()
	sco := g.Lookup("sco")
	if sco == nil || len(sco.Terms) != 5 {
		t.Fatalf("sco = %+v", sco)
	}
	if sco.Domain != "international organizations" || !strings.HasPrefix(sco.Note, "Founded in 2001") {
		t.Errorf("sco fields = %q, %q", sco.Domain, sco.Note)
	}
	shos := sco.TermsIn("ru")[1]
	if shos.Text != "ШОС" || shos.Type != Abbreviation || !shos.CaseSensitive || shos.Status != "" {
		t.Errorf("ШОС = %+v", *shos)
	}
	if sco.EffectiveStatus(shos) != Admitted {
		t.Errorf("ШОС effective status = %s", sco.EffectiveStatus(shos))
	}
	if n := sco.TermsIn("en")[1].Note; !strings.Contains(n, `"Organisation"`) {
		t.Errorf("term note = %q", n)
	}
	ns := g.Lookup("north-south")
	if ns == nil {
		t.Fatal("north-south missing")
	}
	pipe := ns.TermsIn("en")[1]
	if pipe.Text != `pipe|and back\slash` || pipe.Status != Forbidden || pipe.Type != Variant {
		t.Errorf("escaped term = %+v", *pipe)
	}
	if pipe.Note != "a term with escapes, continued on a second line # and a third that starts with a hash." {
		t.Errorf("continued note = %q", pipe.Note)
	}
	if !ns.TermsIn("ru")[0].Exact {
		t.Error("exact flag lost")
	}
	if d := g.Lookup("three-evils").Definition; d != "Terrorism, separatism and extremism, as named in the SCO's founding documents." {
		t.Errorf("continued definition = %q", d)
	}
	mp := g.Lookup("mil-pol")
	if mp.EffectiveStatus(mp.TermsIn("ru")[0]) != Preferred || len(mp.TermsIn("de")) != 1 {
		t.Errorf("mil-pol = %+v", mp)
	}
}

func TestNativeParse(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(*testing.T, *Glossary)
	}{
		{"empty file", "", func(t *testing.T, g *Glossary) {
			if len(g.Concepts) != 0 {
				t.Errorf("concepts = %d", len(g.Concepts))
			}
		}},
		{"BOM and CRLF", "\uFEFF[a]\r\nru: мир\r\nen: peace\r\n", func(t *testing.T, g *Glossary) {
			if c := g.Lookup("a"); c == nil || len(c.Terms) != 2 || c.Terms[1].Text != "peace" {
				t.Errorf("got %+v", g.Concepts)
			}
		}},
		{"region folded", "[a]\nru-RU: мир\nEN_us: peace\n", func(t *testing.T, g *Glossary) {
			if c := g.Concepts[0]; c.Terms[0].Lang != "ru" || c.Terms[1].Lang != "en" {
				t.Errorf("langs = %s, %s", c.Terms[0].Lang, c.Terms[1].Lang)
			}
		}},
		{"attributes any order, extra spaces", "[a]\nen:  SCO   |  case   abbreviation admitted \n", func(t *testing.T, g *Glossary) {
			tm := g.Concepts[0].Terms[0]
			if tm.Text != "SCO" || !tm.CaseSensitive || tm.Type != Abbreviation || tm.Status != Admitted {
				t.Errorf("term = %+v", *tm)
			}
		}},
		{"comment after id", "[a] # the first\nen: x\n", func(t *testing.T, g *Glossary) {
			if g.Concepts[0].ID != "a" {
				t.Error(g.Concepts[0].ID)
			}
		}},
		{"origins", "# c\n\n[a]\nen: x\n", func(t *testing.T, g *Glossary) {
			if g.Concepts[0].Origin != "t.glossary:3" || g.Concepts[0].Terms[0].Origin != "t.glossary:4" {
				t.Errorf("origins %q %q", g.Concepts[0].Origin, g.Concepts[0].Terms[0].Origin)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.in), "t.glossary", Native)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, g)
		})
	}
}

func TestNativeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"unknown attribute", "[eu]\nen: European Union | prefered\n", `eu.glossary:2:22: unknown attribute "prefered"`},
		{"two statuses", "[eu]\nen: EU | preferred admitted\n", `eu.glossary:2:20: second status "admitted"`},
		{"two types", "[eu]\nen: EU | phrase variant\n", `eu.glossary:2:17: second type "variant"`},
		{"bad id", "[EU]\n", `eu.glossary:1:2: invalid character 'E' in concept id "EU"`},
		{"bad id later char", "[eu union]\n", `eu.glossary:1:4: invalid character ' '`},
		{"empty id", "[]\n", `eu.glossary:1:2: empty concept id`},
		{"unclosed id", "[eu\n", `eu.glossary:1:4: missing ']'`},
		{"text after id", "[eu] x\n", `eu.glossary:1:5: unexpected text "x"`},
		{"duplicate id", "[eu]\nen: a\n[eu]\nen: b\n", `eu.glossary:3:2: duplicate concept id "eu" (first at eu.glossary:1)`},
		{"term before concept", "en: EU\n", `eu.glossary:1:1: "en: EU" before the first concept`},
		{"no colon", "[eu]\nEuropean Union\n", `eu.glossary:2:1: expected "[id]"`},
		{"unknown field", "[eu]\ndomian: x\n", `eu.glossary:2:1: unknown field "domian"`},
		{"field twice", "[eu]\nnote: a\nnote: b\n", `eu.glossary:3:1: field "note" given twice`},
		{"field after term", "[eu]\nen: EU\nnote: b\n", `eu.glossary:3:1: concept field "note" after a term`},
		{"empty term", "[eu]\nen:  | preferred\n", `eu.glossary:2:4: empty term`},
		{"indent outside concept", "  note: x\n", `eu.glossary:1:1: indented line outside a concept`},
		{"indent after term not note", "[eu]\nen: EU\n  domain: x\n", `eu.glossary:3:3: indented line after a term must be its note`},
		{"indent continues nothing", "[eu]\n  x\n", `eu.glossary:2:3: indented line continues no field`},
		{"invalid UTF-16", "\xFF\xFEx", `eu.glossary`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "eu.glossary", Native)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant prefix %q", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "eu.glossary" {
				t.Errorf("error %v is not a *ParseError naming the file", err)
			}
		})
	}
}

func TestWrapValue(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end"
	g := &Glossary{Concepts: []*Concept{{ID: "x", Note: long, Terms: []*Term{{Lang: "en", Text: "x", Note: long}}}}}
	var b bytes.Buffer
	if err := Write(&b, g, Native); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(b.String(), "\n") {
		if len(l) > wrapWidth {
			t.Errorf("line %d is %d characters long", i+1, len(l))
		}
	}
	g2, err := Parse(b.Bytes(), "w.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Concepts[0].Note != long || g2.Concepts[0].Terms[0].Note != long {
		t.Errorf("wrapped values changed:\n%s", b.String())
	}
}

func TestWriteRejectsInvalid(t *testing.T) {
	tests := []struct {
		name string
		c    *Concept
		want string
	}{
		{"bad id", &Concept{ID: "Bad Id", Terms: []*Term{{Lang: "en", Text: "x"}}}, "invalid character"},
		{"empty term", &Concept{ID: "a", Terms: []*Term{{Lang: "en"}}}, "empty en term"},
		{"bad lang", &Concept{ID: "a", Terms: []*Term{{Lang: "english", Text: "x"}}}, "invalid language code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, &Glossary{Concepts: []*Concept{tt.c}}, Native)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestTermForms: square brackets mark optional words; a term has its
// full form first, then each combination of optional groups left out.
func TestTermForms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Конгресс [США]", []string{"Конгресс США", "Конгресс"}},
		{"[US] Congress", []string{"US Congress", "Congress"}},
		{"министр [иностранных дел] [России]", []string{"министр иностранных дел России", "министр России", "министр иностранных дел", "министр"}},
		{"no brackets", []string{"no brackets"}},
		{"unbalanced [bracket", []string{"unbalanced [bracket"}},
		{"nested [a [b]]", []string{"nested [a [b]]"}},
		{"[only optional]", []string{"[only optional]"}},
		{"empty [] group", []string{"empty [] group"}},
	}
	for _, tt := range tests {
		term := &Term{Text: tt.text}
		if got := term.Forms(); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Forms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestOptionalAndContextWritten: a term with optional words goes to TBX
// in full (what other tools read) with the marked form in a termNote;
// a concept's context to TBX's admin and CSV's context column; both come
// back from every format.
func TestOptionalAndContextWritten(t *testing.T) {
	g, err := Parse([]byte("[x]\ncontext: Washington, американский\nru: Конгресс [США]\nen: [US] Congress\n"), "s.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    Format
		want []string
	}{
		{TBX, []string{"<term>Конгресс США</term>", `<termNote type="x-tolmach-optional">Конгресс [США]</termNote>`, `<admin type="x-tolmach-context">Washington, американский</admin>`}},
		{TBX3, []string{"<term>US Congress</term>", `<admin type="x-tolmach-context">Washington, американский</admin>`}},
		{CSV, []string{"Конгресс [США]", "context", `"Washington, американский"`}},
		{Native, []string{"\ncontext: Washington, американский\n", "ru: Конгресс [США]\n"}},
	} {
		var b bytes.Buffer
		if err := Write(&b, g, tt.f); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", tt.f, w, b.String())
			}
		}
		g2, err := Parse(b.Bytes(), "rt."+string(tt.f), tt.f)
		if err != nil {
			t.Fatal(err)
		}
		c := g2.Concepts[0]
		if c.Context != "Washington, американский" || c.TermsIn("ru")[0].Text != "Конгресс [США]" || c.TermsIn("en")[0].Text != "[US] Congress" {
			t.Errorf("%s round trip: context %q, terms %q %q", tt.f, c.Context, c.TermsIn("ru")[0].Text, c.TermsIn("en")[0].Text)
		}
	}
}
