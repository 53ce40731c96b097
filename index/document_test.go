package index

import (
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/document"

	"tolmach/glossary"
)

// mappedDocument is the document bleve makes of concept c through the
// glossary mapping (the registered analyzers run on each value), as the
// index was built before documents were prepared: the reference the
// prepared documents are compared with.
func mappedDocument(t *testing.T, c *glossary.Concept, id string) *document.Document {
	t.Helper()
	texts := map[string][]string{}
	for _, tm := range c.Terms {
		for _, form := range tm.Forms() {
			texts[tm.Lang] = append(texts[tm.Lang], form)
			if tm.CaseSensitive || tm.Type == glossary.Abbreviation || hasCapitalsWord(analyzeCached(form)) {
				texts[tm.Lang+abbrSuffix] = append(texts[tm.Lang+abbrSuffix], form)
			}
		}
	}
	data := map[string]interface{}{"_type": conceptType}
	for _, l := range indexedLangs {
		for _, p := range []string{l, l + abbrSuffix} {
			if len(texts[p]) > 0 {
				data[p] = texts[p]
			}
		}
	}
	d := document.NewDocument(id)
	if err := glossaryMapping().MapDocument(d, data); err != nil {
		t.Fatalf("mapping %s: %v", id, err)
	}
	for _, f := range d.Fields {
		f.Analyze()
	}
	return d
}

// fieldSummary is what an indexed field contributes to the index and to
// scores: its length (the norm), each term's frequency, and each term's
// locations (offsets; positions are compared separately).
type fieldSummary struct {
	length int
	freq   map[string]int
	locs   map[string][]string
}

func summarise(d *document.Document) map[string]*fieldSummary {
	out := map[string]*fieldSummary{}
	for _, f := range d.Fields {
		if !f.Options().IsIndexed() {
			continue
		}
		s := out[f.Name()]
		if s == nil {
			s = &fieldSummary{freq: map[string]int{}, locs: map[string][]string{}}
			out[f.Name()] = s
		}
		s.length += f.AnalyzedLength()
		for term, tf := range f.AnalyzedTokenFrequencies() {
			s.freq[term] += tf.Frequency()
			for _, l := range tf.Locations {
				s.locs[term] = append(s.locs[term], fmt.Sprintf("%d:%d", l.Start, l.End))
			}
			slices.Sort(s.locs[term])
		}
	}
	for name, s := range out {
		if s.length == 0 {
			delete(out, name) // a value without tokens indexes nothing
		}
	}
	return out
}

// preparedSamples are concepts exercising every path of the prepared
// fields: optional words (several forms), abbreviations and capitals
// (the case field), compounds (solid keys), numbers, a term of a
// language that is not indexed, repeated words.
var preparedSamples = []*glossary.Concept{
	{ID: "sco", Terms: []*glossary.Term{
		{Lang: "ru", Text: "Шанхайская организация сотрудничества", Status: glossary.Preferred},
		{Lang: "ru", Text: "ШОС", Type: glossary.Abbreviation},
		{Lang: "en", Text: "Shanghai Cooperation Organisation"},
		{Lang: "en", Text: "SCO", CaseSensitive: true},
		{Lang: "fr", Text: "Organisation de coopération de Shanghai"},
	}},
	{ID: "congress", Terms: []*glossary.Term{
		{Lang: "ru", Text: "Конгресс [США]"},
		{Lang: "en", Text: "[US] Congress"},
	}},
	{ID: "compound", Terms: []*glossary.Term{
		{Lang: "ru", Text: "военно-политический союз"},
		{Lang: "en", Text: "anti-terrorist co-operation"},
		{Lang: "en", Text: "peace-keeping operation of the UN Security Council"},
	}},
	{ID: "numbers", Terms: []*glossary.Term{
		{Lang: "ru", Text: "Группа 20 (G20) и «Группа семи»"},
		{Lang: "en", Text: "the G-20 and the Group of Seven, 1 234 567"},
	}},
	{ID: "repeats", Terms: []*glossary.Term{
		{Lang: "ru", Text: "мир во всём мире [и мир]"},
		{Lang: "en", Text: "peace and peace"},
	}},
	{ID: "empty", Terms: []*glossary.Term{
		{Lang: "ru", Text: " — "},
		{Lang: "en", Text: "…"},
	}},
}

// TestPreparedDocumentMatchesMapping proves that the documents the build
// prepares index what the mapping and its analyzers would: for every
// concept of the built-in glossary and the samples, each indexed field
// has the same length, the same terms with the same frequencies and the
// same offsets; positions are those of each value, shifted past the
// previous value's with a gap; and the stored fields are the concept and
// its match records.
func TestPreparedDocumentMatchesMapping(t *testing.T) {
	_, g := builtin(t)
	concepts := append(slices.Clone(g.Concepts), preparedSamples...)
	ids := conceptIDs(concepts)
	for i, c := range concepts {
		got, want := conceptDocument(c, ids[i]), mappedDocument(t, c, ids[i])
		gs, ws := summarise(got), summarise(want)
		if len(gs) != len(ws) {
			t.Errorf("%s: fields %v, want %v", ids[i], keys(gs), keys(ws))
			continue
		}
		for name, w := range ws {
			s := gs[name]
			if s == nil {
				t.Errorf("%s: no field %s", ids[i], name)
				continue
			}
			if s.length != w.length || fmt.Sprint(s.freq) != fmt.Sprint(w.freq) || fmt.Sprint(s.locs) != fmt.Sprint(w.locs) {
				t.Errorf("%s: field %s = %d %v %v, want %d %v %v", ids[i], name, s.length, s.freq, s.locs, w.length, w.freq, w.locs)
			}
		}
		checkPositions(t, ids[i], got, want)
		stored := map[string]string{}
		for _, f := range got.Fields {
			if f.Options().IsStored() {
				stored[f.Name()] = string(f.Value())
			}
		}
		if stored[fieldData] != encodeConcept(c, ids[i]) {
			t.Errorf("%s: stored concept differs from encodeConcept", ids[i])
		}
		m, err := decodeMatch(stored[fieldMatch])
		if err != nil {
			t.Errorf("%s: %v", ids[i], err)
		}
		forms := 0
		for _, tm := range c.Terms {
			if indexedLangIndex(tm.Lang) >= 0 {
				forms += len(tm.Forms())
			}
		}
		if len(m) != forms {
			t.Errorf("%s: %d match records, want one per indexed form (%d)", ids[i], len(m), forms)
		}
	}
}

// checkPositions compares the positions of the key field (the one with
// term vectors, which phrase queries read): the mapped document's values
// are separate fields, each from position 1; the prepared field holds
// them in turn, each starting two past the previous one's last position.
func checkPositions(t *testing.T, id string, got, want *document.Document) {
	t.Helper()
	for _, l := range indexedLangs {
		name := l + SuffixKey
		var wantPos []string
		base := 0
		for _, f := range want.Fields {
			if f.Name() != name || f.AnalyzedLength() == 0 {
				continue
			}
			last := 0
			for term, tf := range f.AnalyzedTokenFrequencies() {
				for _, loc := range tf.Locations {
					wantPos = append(wantPos, fmt.Sprintf("%s@%d", term, base+loc.Position))
					last = max(last, base+loc.Position)
				}
			}
			base = last + 1
		}
		var gotPos []string
		for _, f := range got.Fields {
			if f.Name() != name {
				continue
			}
			for term, tf := range f.AnalyzedTokenFrequencies() {
				for _, loc := range tf.Locations {
					gotPos = append(gotPos, fmt.Sprintf("%s@%d", term, loc.Position))
				}
			}
		}
		slices.Sort(wantPos)
		slices.Sort(gotPos)
		if !slices.Equal(gotPos, wantPos) {
			t.Errorf("%s: %s positions %v, want %v", id, name, gotPos, wantPos)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestPreparedFieldSize requires the size a prepared field keeps as its
// terms come to be what bleve's Size methods make of its terms: the map
// keys and each TokenFreq's Size (its term and locations).
func TestPreparedFieldSize(t *testing.T) {
	_, g := builtin(t)
	concepts := append(slices.Clone(g.Concepts), preparedSamples...)
	ids := conceptIDs(concepts)
	fields := 0
	for i, c := range concepts {
		for _, f := range conceptDocument(c, ids[i]).Fields {
			pf, ok := f.(*preparedField)
			if !ok {
				continue
			}
			fields++
			want := preparedFieldSize + len(pf.name)
			for k, tf := range pf.freqs {
				want += len(k) + tf.Size()
			}
			if got := pf.Size(); got != want {
				t.Errorf("%s: field %s: Size %d, want %d", ids[i], pf.name, got, want)
			}
		}
	}
	if fields == 0 {
		t.Fatal("no prepared fields")
	}
}
