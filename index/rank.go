package index

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Kind tells how a query matched a concept's best term.
type Kind uint8

// The kinds of match, best first. A lookup ranks concepts by score,
// which follows this order: an exact match scores 100, a match of
// every word by its stem 90, a match with typos less, a partial match
// (the query is part of the term, the term part of the query, or the
// last word only a prefix) less again.
const (
	Exact   Kind = iota + 1 // every word as written (after folding), the whole term
	Stemmed                 // every word by its stem (another inflected form), the whole term
	Fuzzy                   // the whole term, some words within an edit distance
	Partial                 // some of the term's words, or some of the query's
)

// String returns the kind's name as JSON output uses it.
func (k Kind) String() string {
	switch k {
	case Exact:
		return "exact"
	case Stemmed:
		return "stemmed"
	case Fuzzy:
		return "fuzzy"
	case Partial:
		return "partial"
	}
	return "none"
}

// Weights of one query word matched against one term word.
const (
	weightExact  = 1.0  // the same folded word
	weightStem   = 0.95 // the same stem
	weightFuzzy  = 0.95 // minus 0.1 per edit, on the folded word
	weightFuzzyK = 0.9  // minus 0.1 per edit, on the stem
	weightPrefix = 0.5  // the last query word is the start of the term word
	phraseBonus  = 0.02 // every query word matched, in order, inside a longer term
)

// minPrefixRunes is the shortest last word completed by prefix: shorter
// ones would match half the glossary.
const minPrefixRunes = 3

// queryToken is one analysed query word with its allowed edit distance.
type queryToken struct {
	text      string // as written, for the case-sensitive field
	norm, key string
	runes     int // letters of norm
	fuzz      int // allowed edits: see fuzziness
	upper     bool
	number    bool
	imp       float64 // importance: 1, or functionWeight for a function word
	orig      int     // index of the query word this is (a part of)
	solid     string  // for an English compound, its key written solid (lang.Token.SolidKey)
}

// functionWeight is the importance of a function word (the, of, в, по)
// in a score: a query's article or preposition that a term lacks costs
// little ("the European Union's" is the European Union), and one that a
// longer term shares gains little.
const functionWeight = 0.2

// functionWords are the Russian and English articles, prepositions and
// conjunctions that glossary terms and queries add or drop freely, as
// folded by lang (lower case, ё as е).
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"в": true, "во": true, "на": true, "о": true, "об": true, "обо": true, "с": true, "со": true,
	"и": true, "или": true, "по": true, "к": true, "ко": true, "у": true, "за": true, "из": true,
	"от": true, "до": true, "для": true, "при": true, "без": true, "над": true, "под": true, "а": true,
}

func importance(norm string) float64 {
	if functionWords[norm] {
		return functionWeight
	}
	return 1
}

// fuzziness returns the edits allowed for a word of n letters: none
// below four letters (every short word is a typo of another), one up to
// seven, two from eight. bleve's "auto" counts bytes, which gives every
// three-letter Cyrillic word two edits, so tolmach counts itself.
func fuzziness(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

func newQueryTokens(toks []lang.Token) []queryToken {
	q := make([]queryToken, len(toks))
	for i, t := range toks {
		n := utf8.RuneCountInString(t.Norm)
		q[i] = queryToken{text: t.Text, norm: t.Norm, key: t.Key, runes: n, upper: t.Upper() && n > 1, number: t.Kind == lang.Number, imp: importance(t.Norm), orig: i, solid: t.SolidKey()}
		if t.Kind == lang.Word {
			q[i].fuzz = fuzziness(n)
		}
	}
	return q
}

// compoundParts splits a hyphenated compound's folded form and key into
// its parts (военно-политический → военно, политический), or returns
// nil when the token is not a compound. lang joins the parts' keys with
// '-' in the compound's key, so the two split alike.
func compoundParts(norm, key string) (norms, keys []string) {
	if strings.IndexByte(norm, '-') <= 0 {
		return nil, nil
	}
	norms, keys = strings.Split(norm, "-"), strings.Split(key, "-")
	if len(norms) != len(keys) || slices.Contains(norms, "") {
		return nil, nil
	}
	return norms, keys
}

// splitCompounds returns q with hyphenated compounds replaced by their
// parts, for ranking: whether a translator types «военно-политический»
// or «военно политический», non-proliferation or non proliferation, the
// words are the same.
func splitCompounds(q []queryToken) []queryToken {
	var out []queryToken // nil until a compound is met: q itself is returned
	for i, t := range q {
		norms, keys := compoundParts(t.norm, t.key)
		if norms == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]queryToken, 0, len(q)+4), q[:i]...)
		}
		out = append(out, partTokens(norms, keys, t.orig)...)
	}
	if out == nil {
		return q
	}
	return out
}

// partTokens makes query tokens of a compound's parts.
func partTokens(norms, keys []string, orig int) []queryToken {
	out := make([]queryToken, len(norms))
	for j := range norms {
		n := utf8.RuneCountInString(norms[j])
		out[j] = queryToken{text: norms[j], norm: norms[j], key: keys[j], runes: n, fuzz: fuzziness(n), imp: importance(norms[j]), orig: orig}
	}
	return out
}

// alignSolid lets a word written solid meet a compound written with a
// hyphen, either way round, by splitting the solid word into the
// compound's parts: a query's antiterrorist against a term's split
// anti-terrorist, and a term's cooperation against a query's split
// co-operation. q is the split query; norms, keys and origin the split
// term (see splitTerm).
func alignSolid(q []queryToken, norms, keys []string, origin []int) ([]queryToken, []string, []string, []int) {
	// The term's compounds: runs of parts of one token.
	var out []queryToken // nil until a query word is split
	for a := 0; a < len(norms); {
		b := a + 1
		for b < len(norms) && origin[b] == origin[a] {
			b++
		}
		if solid := lang.SolidKeyOf(norms[a:b], keys[b-1]); solid != "" {
			for i, t := range q {
				if t.key == solid && t.solid == "" && !isPartOf(q, i) {
					if out == nil {
						out = append([]queryToken(nil), q...)
					}
					parts := partTokens(norms[a:b], keys[a:b], t.orig)
					k := slices.IndexFunc(out, func(x queryToken) bool { return x.orig == t.orig && x.key == solid })
					out = slices.Replace(out, k, k+1, parts...)
					break
				}
			}
		}
		a = b
	}
	if out != nil {
		q = out
	}
	// The query's compounds: runs of parts of one query word.
	for a := 0; a < len(q); {
		b := a + 1
		for b < len(q) && q[b].orig == q[a].orig {
			b++
		}
		if b-a > 1 {
			qn, qk := make([]string, b-a), make([]string, b-a)
			for j := a; j < b; j++ {
				qn[j-a], qk[j-a] = q[j].norm, q[j].key
			}
			if solid := lang.SolidKeyOf(qn, qk[len(qk)-1]); solid != "" {
				if j := slices.Index(keys, solid); j >= 0 && (j == 0 || origin[j-1] != origin[j]) && (j+1 == len(keys) || origin[j+1] != origin[j]) {
					norms = slices.Replace(slices.Clone(norms), j, j+1, qn...)
					keys = slices.Replace(slices.Clone(keys), j, j+1, qk...)
					o := make([]int, b-a)
					for x := range o {
						o[x] = origin[j]
					}
					origin = slices.Replace(slices.Clone(origin), j, j+1, o...)
				}
			}
		}
		a = b
	}
	return q, norms, keys, origin
}

// isPartOf reports whether q[i] is a part of a split compound.
func isPartOf(q []queryToken, i int) bool {
	return i > 0 && q[i-1].orig == q[i].orig || i+1 < len(q) && q[i+1].orig == q[i].orig
}

// splitTerm is splitCompounds for a term's tokens: the parts' folded
// forms and keys, and for each part the index of its token.
func splitTerm(norms, keys []string) ([]string, []string, []int) {
	var origin []int
	var sn, sk []string
	for i := range norms {
		pn, pk := compoundParts(norms[i], keys[i])
		if pn == nil {
			pn, pk = norms[i:i+1], keys[i:i+1]
		}
		for j := range pn {
			sn, sk, origin = append(sn, pn[j]), append(sk, pk[j]), append(origin, i)
		}
	}
	return sn, sk, origin
}

// termMatch is how well a query matched one term.
type termMatch struct {
	score      float64 // 0–100
	kind       Kind
	matched    []int     // indices of the term's tokens that matched
	queryWords []int     // indices of the query's tokens that matched
	weights    []float64 // their weights, in the same order
}

// rankOptions are the switches of a lookup that change matching.
type rankOptions struct {
	exact  bool // only exact words, in order, as a phrase
	fuzzy  bool // allow edits
	prefix bool // complete the last query word
}

// matchTokens scores query q against a term with the given folded words
// and stems. Each query word takes the best still unused term word
// (greedily, in query order). The score is the mean weight of the query
// words, scaled down when the term has words the query lacks:
//
//	score = 100 · (Σ weight·imp / Σ imp over the query) · (0.5 + 0.5 · Σ imp matched / Σ imp over the term) [+ 2 for a phrase in a longer term]
//
// where imp is a word's importance (1, or functionWeight for a function
// word), so a whole-term match outranks the same words inside a longer
// term, and a missing query word costs more than an extra term word.
func matchTokens(q []queryToken, norms, keys []string, opt rankOptions) termMatch {
	if len(q) == 0 || len(norms) == 0 || len(norms) != len(keys) {
		return termMatch{}
	}
	norms, keys, origin := splitTerm(norms, keys)
	q, norms, keys, origin = alignSolid(q, norms, keys, origin)
	used := make([]bool, len(norms))
	var sum, qImp, tImp, tMatched float64
	for _, n := range norms {
		tImp += importance(n)
	}
	var matched, qwords []int
	var weights []float64
	allExact, allStem, significant, allShort, completed := true, true, false, true, false
	inOrder := true
	last := -1
	for i, qt := range q {
		qImp += qt.imp
		if qt.runes >= minPrefixRunes || qt.number || qt.upper {
			allShort = false
		}
		best, bestJ := 0.0, -1
		for j := range norms {
			if used[j] {
				continue
			}
			w := tokenWeight(qt, norms[j], keys[j], opt, opt.prefix && i == len(q)-1)
			if w > best {
				best, bestJ = w, j
				if w == weightExact {
					break
				}
			}
		}
		if bestJ < 0 {
			allExact, allStem, inOrder = false, false, false
			continue
		}
		used[bestJ] = true
		matched = append(matched, bestJ)
		qwords = append(qwords, qt.orig)
		weights = append(weights, best)
		sum += best * qt.imp
		tMatched += importance(norms[bestJ])
		if best < weightExact {
			allExact = false
		}
		if best < weightStem {
			allStem = false
		}
		if best == weightPrefix {
			completed = true
		}
		if bestJ != last+1 && last >= 0 {
			inOrder = false
		}
		last = bestJ
		if qt.runes >= minPrefixRunes || qt.number || qt.upper {
			significant = true
		}
	}
	if len(matched) == 0 || (!significant && !allShort) {
		return termMatch{}
	}
	allQuery := len(matched) == len(q)
	if opt.exact && !(allExact && allQuery && inOrder) {
		return termMatch{}
	}
	s := sum / qImp * (0.5 + 0.5*tMatched/tImp)
	if allQuery && inOrder && len(q) > 1 && tMatched < tImp {
		// The query as a phrase inside a longer term. A whole-term
		// match gets no bonus: it would lift a stemmed match to 100,
		// level with an exact one.
		s += phraseBonus
	}
	s = math.Min(100, math.Round(s*1000)/10)
	// Report the term's tokens, not their parts, for highlighting.
	var tokens []int
	for _, j := range matched {
		if o := origin[j]; !slices.Contains(tokens, o) {
			tokens = append(tokens, o)
		}
	}
	m := termMatch{score: s, matched: tokens, queryWords: qwords, weights: weights}
	switch {
	case !allQuery || len(matched) < len(norms):
		m.kind = Partial
	case allExact:
		m.kind = Exact
	case allStem:
		m.kind = Stemmed
	case completed:
		m.kind = Partial // the last word was only a prefix
	default:
		m.kind = Fuzzy
	}
	return m
}

// tokenWeight scores one query word against one term word.
func tokenWeight(qt queryToken, norm, key string, opt rankOptions, prefix bool) float64 {
	if qt.norm == norm {
		return weightExact
	}
	if opt.exact {
		return 0
	}
	if qt.key == key {
		return weightStem
	}
	w := 0.0
	if opt.fuzzy && qt.fuzz > 0 {
		if d := lang.EditDistance(qt.norm, norm, qt.fuzz); d <= qt.fuzz {
			w = weightFuzzy - 0.1*float64(d)
		} else if d := lang.EditDistance(qt.key, key, qt.fuzz); d <= qt.fuzz {
			w = weightFuzzyK - 0.1*float64(d)
		}
	}
	if prefix && w < weightPrefix && qt.runes >= minPrefixRunes && len(norm) > len(qt.norm) && norm[:len(qt.norm)] == qt.norm {
		w = weightPrefix
	}
	return w
}
