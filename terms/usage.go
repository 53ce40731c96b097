package terms

import (
	"runtime"
	"sort"
	"sync"

	"tolmach/glossary"
)

// UsageOptions tune [Usage]. The zero value is ready to use.
type UsageOptions struct {
	// SourceLangs are the languages whose segments are searched for the
	// concepts' terms: "ru", "en" or both (the default, nil).
	SourceLangs []string
	// Concepts restricts the report to these concept ids; nil means all.
	Concepts []string
	// MinCount is how often a rendering that is not in the glossary must be
	// seen to be proposed as a variant; 0 means 3.
	MinCount int
	// MaxWords is the longest rendering looked for, in words; 0 means 6.
	MaxWords int
	// MinDice is the least association (Dice over the concept's segments)
	// of a phrase taken for a rendering; 0 means 0.2.
	MinDice float64
}

// Rendering is one way the target segments render a concept.
type Rendering struct {
	Text       string          // the glossary term, or the phrase in dictionary form
	Count      int             // segment pairs rendering the concept so
	InGlossary bool            // a term of the concept in the glossary
	Status     glossary.Status // its status in the glossary ("" when not in it)
	Proposed   bool            // not in the glossary and seen at least MinCount times
	Example    Pair            // one segment pair rendering the concept so
	Documents  map[string]int  // segment pairs per document
	term       *glossary.Term  // the glossary term, if any
	forms      *Forms
}

// ConceptUsage is how a corpus renders one concept in one direction.
type ConceptUsage struct {
	Concept    *glossary.Concept
	SourceLang string // the language the concept's terms were found in
	TargetLang string
	// Occurrences is the number of segment pairs whose source segment
	// holds a term of the concept.
	Occurrences int
	// Renderings are sorted by count, glossary terms first among equals.
	Renderings []Rendering
	// Missing counts occurrences for which no rendering was found.
	Missing int
	// Unused lists the concept's preferred and admitted target terms the
	// corpus never used, when the concept occurs at least MinCount times.
	Unused []*glossary.Term
}

// Usage reports, for every concept of g whose source terms occur in the
// corpus, how the aligned segments render it (see the package
// documentation). Concepts come in glossary order, each source language
// in turn.
func Usage(c *Corpus, g *glossary.Glossary, opt UsageOptions) []ConceptUsage {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.MaxWords <= 0 {
		opt.MaxWords = 6
	}
	if opt.MinDice <= 0 {
		opt.MinDice = 0.2
	}
	langs := opt.SourceLangs
	if len(langs) == 0 {
		langs = []string{"ru", "en"}
	}
	want := map[string]bool{}
	for _, id := range opt.Concepts {
		want[id] = true
	}
	tk := tokenize(c)
	var out []ConceptUsage
	for _, src := range langs {
		tgt := "en"
		if src == "en" {
			tgt = "ru"
		}
		out = append(out, usageDirection(c, tk, g, src, tgt, want, opt)...)
	}
	return out
}

// occurrence is a concept found in one segment pair.
type occurrence struct {
	pair    int
	concept *glossary.Concept
	term    *glossary.Term // the target term found, nil if none
}

func usageDirection(c *Corpus, tk *tokenized, g *glossary.Glossary, src, tgt string, want map[string]bool, opt UsageOptions) []ConceptUsage {
	srcM := glossary.NewMatcher(g, src)
	tgtM := glossary.NewMatcher(g, tgt)
	text := func(p Pair, l string) string {
		if l == "ru" {
			return p.RU
		}
		return p.EN
	}
	// Recognition, on all CPUs.
	per := make([][]occurrence, len(c.Pairs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(c.Pairs); i += workers {
				ms := srcM.Find(text(c.Pairs[i], src))
				if len(ms) == 0 {
					continue
				}
				var found map[*glossary.Concept]*glossary.Term
				seen := map[*glossary.Concept]bool{}
				for _, m := range ms {
					if seen[m.Concept] || len(want) > 0 && !want[m.Concept.ID] {
						continue
					}
					seen[m.Concept] = true
					if found == nil {
						found = map[*glossary.Concept]*glossary.Term{}
						for _, t := range tgtM.FindAll(text(c.Pairs[i], tgt)) {
							if old := found[t.Concept]; old == nil || len(t.Term.Text) > len(old.Text) {
								found[t.Concept] = t.Term
							}
						}
					}
					per[i] = append(per[i], occurrence{pair: i, concept: m.Concept, term: found[m.Concept]})
				}
			}
		}(w)
	}
	wg.Wait()

	type acc struct {
		all, open []int // pair indexes: every occurrence, those without a glossary term
		terms     map[*glossary.Term]*Rendering
	}
	accs := map[*glossary.Concept]*acc{}
	for i, occs := range per {
		for _, o := range occs {
			a := accs[o.concept]
			if a == nil {
				a = &acc{terms: map[*glossary.Term]*Rendering{}}
				accs[o.concept] = a
			}
			a.all = append(a.all, i)
			if o.term == nil {
				a.open = append(a.open, i)
				continue
			}
			r := a.terms[o.term]
			if r == nil {
				r = &Rendering{Text: o.term.Text, InGlossary: true, Status: o.concept.EffectiveStatus(o.term), Example: c.Pairs[i], Documents: map[string]int{}, term: o.term}
				a.terms[o.term] = r
			}
			r.Count++
			r.Documents[c.Pairs[i].Document]++
		}
	}

	// Other renderings: in each segment with no glossary term, the target
	// phrase most associated with the concept over all its segments.
	segs := tk.en
	if tgt == "ru" {
		segs = tk.ru
	}
	isRU := tgt == "ru"
	candidates := map[uint64]bool{}
	for _, a := range accs {
		for _, i := range a.open {
			s := segs[i]
			renderSpans(s.words, opt.MaxWords, isRU, func(x, y int) { candidates[hashSpan(s.words, x, y)] = true })
		}
	}
	df := map[uint64]int32{}
	var hs []uint64
	for _, s := range segs {
		hs = hs[:0]
		renderSpans(s.words, opt.MaxWords, isRU, func(x, y int) {
			if h := hashSpan(s.words, x, y); candidates[h] {
				hs = append(hs, h)
			}
		})
		for _, h := range uniq(hs) {
			df[h]++
		}
	}

	var out []ConceptUsage
	for _, concept := range g.Concepts {
		a := accs[concept]
		if a == nil {
			continue
		}
		cu := ConceptUsage{Concept: concept, SourceLang: src, TargetLang: tgt, Occurrences: len(a.all)}
		// Association over the segments without a glossary term: how often
		// a phrase is in them, against how often it is anywhere else but in
		// the segments a glossary term settled ("three evil forces" beats
		// its part "three", which the settled "three forces of evil" has too).
		inOpen, inClosed := map[uint64]int32{}, map[uint64]int32{}
		open := map[int]bool{}
		for _, i := range a.open {
			open[i] = true
		}
		for _, i := range a.all {
			s := segs[i]
			hs = hs[:0]
			renderSpans(s.words, opt.MaxWords, isRU, func(x, y int) {
				if h := hashSpan(s.words, x, y); candidates[h] {
					hs = append(hs, h)
				}
			})
			m := inClosed
			if open[i] {
				m = inOpen
			}
			for _, h := range uniq(hs) {
				m[h]++
			}
		}
		other := map[uint64]*Rendering{}
		for _, i := range a.open {
			s := segs[i]
			best, bestScore, bestLen := uint64(0), 0.0, 0
			var bx, by int
			renderSpans(s.words, opt.MaxWords, isRU, func(x, y int) {
				h := hashSpan(s.words, x, y)
				n := inOpen[h]
				if n < 2 {
					return
				}
				d := 2 * float64(n) / float64(len(a.open)+int(df[h]-inClosed[h]))
				// A longer phrase wins unless clearly less associated:
				// "Shanghai Cooperation Organization" over "Cooperation".
				if d > bestScore*1.1 || d >= bestScore*0.9 && y-x > bestLen {
					best, bestScore, bestLen, bx, by = h, d, y-x, x, y
				}
			})
			if bestScore < opt.MinDice {
				cu.Missing++
				continue
			}
			r := other[best]
			if r == nil {
				r = &Rendering{Example: c.Pairs[i], Documents: map[string]int{}, forms: &Forms{}}
				other[best] = r
			}
			r.Count++
			r.Documents[c.Pairs[i].Document]++
			r.forms.add(s.text[s.words[bx].start:s.words[by-1].end], s.words[bx].flags&fInitial != 0)
		}
		for _, t := range concept.TermsIn(tgt) {
			if r := a.terms[t]; r != nil {
				cu.Renderings = append(cu.Renderings, *r)
			} else if concept.EffectiveStatus(t).Usable() && cu.Occurrences >= opt.MinCount {
				cu.Unused = append(cu.Unused, t)
			}
		}
		for _, r := range other {
			r.Text = DictionaryForm(r.forms, tgt)
			r.Proposed = r.Count >= opt.MinCount
			cu.Renderings = append(cu.Renderings, *r)
		}
		sort.SliceStable(cu.Renderings, func(i, j int) bool {
			x, y := cu.Renderings[i], cu.Renderings[j]
			if x.Count != y.Count {
				return x.Count > y.Count
			}
			if x.InGlossary != y.InGlossary {
				return x.InGlossary
			}
			return x.Text < y.Text
		})
		out = append(out, cu)
	}
	return out
}
