package project

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"tolmach/glossary"
	"tolmach/index"
)

// encodingJSON is the reference: what the server wrote with
// encoding/json before AppendJSON.
func encodingJSON(t testing.TB, l *Lookup) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func checkAppendJSON(t testing.TB, l *Lookup) {
	t.Helper()
	want := encodingJSON(t, l)
	got, err := l.AppendJSON(nil)
	if err != nil {
		t.Fatalf("AppendJSON: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("AppendJSON differs from encoding/json:\n got %s\nwant %s", got, want)
	}
}

// checkAppendLookupJSON: AppendLookupJSON writes what NewLookup's
// AppendJSON writes (and so what encoding/json writes).
func checkAppendLookupJSON(t testing.TB, query string, results []index.Result) {
	t.Helper()
	l := NewLookup(query, results)
	checkAppendJSON(t, l)
	want, werr := l.AppendJSON([]byte("prefix "))
	got, err := AppendLookupJSON([]byte("prefix "), query, results)
	if (err != nil) != (werr != nil) {
		t.Fatalf("AppendLookupJSON error %v, AppendJSON %v", err, werr)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("AppendLookupJSON differs from AppendJSON:\n got %s\nwant %s", got, want)
	}
}

// TestLookupAppendJSON: AppendJSON writes byte for byte what
// encoding/json writes, for every concept of the built-in glossary as a
// result (one by one and all together, with every match kind and
// scores of all sizes) and for text full of what JSON escapes.
func TestLookupAppendJSON(t *testing.T) {
	srcs, err := GlossariesInUse(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts) < 100 {
		t.Fatalf("built-in glossary: %d concepts", len(g.Concepts))
	}
	scores := []float64{100, 75, 62.5, 33.333333333333336, 0, 1e-7, 1e21, 5e-324, -0.0}
	kinds := []index.Kind{index.Exact, index.Stemmed, index.Fuzzy, index.Partial}
	var all []index.Result
	for i := range g.Concepts {
		c := g.Concepts[i]
		r := index.Result{Concept: c, Score: scores[i%len(scores)], Kind: kinds[i%len(kinds)]}
		if len(c.Terms) > 0 && i%5 != 0 {
			r.Term = c.Terms[i%len(c.Terms)]
		}
		all = append(all, r)
		checkAppendLookupJSON(t, c.ID, []index.Result{r})
	}
	checkAppendLookupJSON(t, "все «понятия» & <all>", all)
	checkAppendLookupJSON(t, "ничего", nil)
	checkAppendJSON(t, &Lookup{Query: "nil results"})

	odd := "q\"uo\\te\x00\x01\x1f\x7f\b\f\n\r\t<>&\u2028\u2029\xff\xc3 ё «»"
	c := &glossary.Concept{ID: odd, Domain: odd, Note: odd, Terms: []*glossary.Term{
		{Lang: "ru", Text: odd, Status: "preferred", Type: "fullForm"},
		{Lang: "de", Text: "Vertrag", Status: "admitted"},
		{Lang: "<&>", Text: odd},
		{Lang: "fr", Text: "traité"},
	}}
	checkAppendLookupJSON(t, odd, []index.Result{{Concept: c, Score: 99.9, Term: c.Terms[0]}})
	c.Terms = append(c.Terms, &glossary.Term{Lang: "de", Text: "Abkommen"}, &glossary.Term{Lang: "en", Text: "treaty"}, &glossary.Term{Lang: "", Text: "no language"})
	checkAppendLookupJSON(t, odd, []index.Result{{Concept: c, Score: 12.5, Kind: index.Partial}})

	if _, err := (&Lookup{Results: []LookupResult{{Score: math.NaN()}}}).AppendJSON(nil); err == nil {
		t.Error("NaN score: no error")
	}
}

// FuzzLookupAppendJSON: for any text, languages and score, AppendJSON
// writes what encoding/json writes (or fails where it fails).
func FuzzLookupAppendJSON(f *testing.F) {
	f.Add("договор", "treaty", "ru", "note «x» & <y>", 100.0)
	f.Add("\x00\"\\", "\u2028\xff", "<>", "\t\n", 1e-9)
	f.Add("", "", "", "", math.Inf(1))
	f.Fuzz(func(t *testing.T, query, text, lang, note string, score float64) {
		c := &glossary.Concept{ID: text, Note: note, Domain: query, Terms: []*glossary.Term{
			{Lang: lang, Text: text, Status: glossary.Status(note), Type: glossary.Type(query)},
			{Lang: "en", Text: note},
		}}
		l := NewLookup(query, []index.Result{{Concept: c, Score: score, Term: c.Terms[0]}})
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		werr := enc.Encode(l)
		got, err := l.AppendJSON(nil)
		if (err != nil) != (werr != nil) {
			t.Fatalf("AppendJSON error %v, encoding/json %v", err, werr)
		}
		if err == nil && !bytes.Equal(got, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) {
			t.Fatalf("AppendJSON differs from encoding/json:\n got %s\nwant %s", got, buf.Bytes())
		}
		direct, derr := AppendLookupJSON(nil, query, []index.Result{{Concept: c, Score: score, Term: c.Terms[0]}})
		if (derr != nil) != (err != nil) || !bytes.Equal(direct, got) {
			t.Fatalf("AppendLookupJSON differs from AppendJSON:\n got %s (%v)\nwant %s (%v)", direct, derr, got, err)
		}
	})
}
