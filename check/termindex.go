package check

import (
	"strings"
	"unicode"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// termIndex narrows a glossary to the concepts that can occur in a pair
// before the matchers are built: a glossary of ten thousand concepts
// costs more to turn into matchers than an article costs to check, and
// almost none of its concepts occur in any one article.
//
// A term matches text only if its first word (for a hyphenated word, its
// first part, or the whole written solid) has the matching key of a word
// of the text (or of a compound's part, or of a compound written solid),
// so the index maps the key of every term's first word to the concepts.
// It costs one key per term, computed once per Checker, against the
// matcher's one key per word of every term.
type termIndex struct {
	byKey map[string][]int // key of a first word → indexes of concepts, ascending
	all   []int            // concepts with a term that has no word: always kept
}

// firstKeys returns the keys a term's first word can match by: the
// word's key and, for a hyphenated word, its first part's.
func firstKeys(text string) []string {
	chunk := text
	if i := strings.IndexAny(text, " \u00a0\t"); i > 0 {
		chunk = text[:i]
	}
	toks := lang.Analyze(chunk)
	if len(toks) == 0 {
		toks = lang.Analyze(text)
	}
	if len(toks) == 0 {
		return nil
	}
	t := toks[0]
	keys := []string{t.Key}
	if len(t.Parts) > 0 {
		keys = append(keys, t.Parts[0].Key)
	}
	if k := t.SolidKey(); k != "" {
		keys = append(keys, k) // Anti-Terrorist, found as antiterrorist
	}
	return keys
}

func newTermIndex(g *glossary.Glossary) *termIndex {
	// Two halves side by side (a key per term is the cost), merged in
	// glossary order.
	half := len(g.Concepts) / 2
	var first *termIndex
	done := make(chan struct{})
	go func() {
		first = indexConcepts(g.Concepts[:half], 0)
		close(done)
	}()
	second := indexConcepts(g.Concepts[half:], half)
	<-done
	for k, is := range second.byKey {
		first.byKey[k] = append(first.byKey[k], is...)
	}
	first.all = append(first.all, second.all...)
	return first
}

// indexConcepts indexes cs, whose first element is concept number base.
func indexConcepts(cs []*glossary.Concept, base int) *termIndex {
	x := &termIndex{byKey: map[string][]int{}}
	var seen []string
	// Terms share first words (Организация…, Council…): key each once.
	known := map[string][]string{}
	for i, c := range cs {
		seen = seen[:0]
		for _, t := range c.Terms {
			chunk := t.Text
			if j := strings.IndexAny(chunk, " \u00a0\t"); j > 0 {
				chunk = chunk[:j]
			}
			keys, ok := known[chunk]
			if !ok {
				keys = firstKeys(t.Text)
				if hasLetters(chunk) || strings.IndexFunc(chunk, unicode.IsDigit) >= 0 {
					// (A chunk without a word, "—", was keyed by what
					// follows it: not shared.)
					known[chunk] = keys
				}
			}
			if len(keys) == 0 {
				x.all = append(x.all, base+i)
				continue
			}
		next:
			for _, k := range keys {
				for _, s := range seen {
					if s == k {
						continue next
					}
				}
				seen = append(seen, k)
				x.byKey[k] = append(x.byKey[k], base+i)
			}
		}
	}
	return x
}

// candidates returns, in glossary order, the concepts with a term whose
// first word has the key of a word (or a word's part) of the texts.
func (x *termIndex) candidates(g *glossary.Glossary, texts ...[]lang.Token) []*glossary.Concept {
	keep := make([]bool, len(g.Concepts))
	for _, i := range x.all {
		keep[i] = true
	}
	seen := map[string]bool{}
	mark := func(k string) {
		if seen[k] {
			return
		}
		seen[k] = true
		for _, i := range x.byKey[k] {
			keep[i] = true
		}
	}
	for _, toks := range texts {
		for _, t := range toks {
			mark(t.Key)
			for _, part := range t.Parts {
				mark(part.Key)
			}
			if k := t.SolidKey(); k != "" {
				mark(k) // co-operation, for the term cooperation
			}
		}
	}
	var out []*glossary.Concept
	for i, k := range keep {
		if k {
			out = append(out, g.Concepts[i])
		}
	}
	return out
}
