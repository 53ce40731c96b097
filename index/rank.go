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
	// keyFuzz is the edits allowed on the stem: one, for a word of one
	// edit whose stem differs from it and is long enough (see
	// stemFuzziness).
	keyFuzz int
	upper   bool
	number  bool
	imp     float64 // importance: 1, or functionWeight for a function word
	orig    int     // index of the query word this is (a part of)
	solid   string  // for an English compound, its key written solid (lang.Token.SolidKey)
	// noEdits denies the word typos and completion even when the
	// lookup allows them: it matched somewhere as written, so it is no
	// typo (see Index.lookupIn).
	noEdits bool
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

// stemFuzziness returns the edits allowed on a query word's stem: one
// when the word allows one and its stem, different from it, has four
// letters or more. The stem catches a typo in an inflected short word
// (догвора → договор) that is two edits from every form; long words have
// two edits on the form already, and a short stem is one edit from too
// many others (агрем → АБР).
func stemFuzziness(t queryToken) int {
	if t.fuzz == 1 && t.key != t.norm && fuzziness(utf8.RuneCountInString(t.key)) >= 1 {
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
			q[i].keyFuzz = stemFuzziness(q[i])
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
		for _, p := range partTokens(norms, keys, t.orig) {
			p.noEdits = t.noEdits
			out = append(out, p)
		}
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
		out[j].keyFuzz = stemFuzziness(out[j])
	}
	return out
}

// alignSolid lets a word written solid meet a compound written with a
// hyphen, either way round, by splitting the solid word into the
// compound's parts: a query's antiterrorist against a term's split
// anti-terrorist, and a term's cooperation against a query's split
// co-operation. q is the split query, t the prepared term; it returns
// the query and the term's parts, their keys and origins, aligned (t's
// own slices when nothing changed).
func alignSolid(q []queryToken, t *preparedTerm) ([]queryToken, []string, []string, []int) {
	norms, keys, origin := t.norms, t.keys, t.origin
	// The term's compounds written solid.
	var out []queryToken // nil until a query word is split
	for _, c := range t.solids {
		for i, qt := range q {
			if qt.key == c.key && qt.solid == "" && !isPartOf(q, i) {
				if out == nil {
					out = append([]queryToken(nil), q...)
				}
				parts := partTokens(norms[c.a:c.b], keys[c.a:c.b], qt.orig)
				for j := range parts {
					parts[j].noEdits = qt.noEdits
				}
				k := slices.IndexFunc(out, func(x queryToken) bool { return x.orig == qt.orig && x.key == c.key })
				out = slices.Replace(out, k, k+1, parts...)
				break
			}
		}
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

// isPartAt reports whether part j of a split term is a part of a
// compound (origin as splitTerm returns it).
func isPartAt(origin []int, j int) bool {
	return j > 0 && origin[j-1] == origin[j] || j+1 < len(origin) && origin[j+1] == origin[j]
}

// isPartOf reports whether q[i] is a part of a split compound.
func isPartOf(q []queryToken, i int) bool {
	return i > 0 && q[i-1].orig == q[i].orig || i+1 < len(q) && q[i+1].orig == q[i].orig
}

// preparedTerm is a term's tokens as matchTokens reads them, made once
// per term (a resident index keeps them; see resident.go): compounds
// split into their parts, with each part's token, the importance of
// the whole, and the term's Latin compounds written solid.
type preparedTerm struct {
	form        []string // the folded words of the term's form, as written
	norms, keys []string // the parts' folded forms and keys
	origin      []int    // for each part, the index of its token
	solids      []termSolid
	imp         float64 // Σ importance of the parts
	ok          bool    // false for a term matchTokens cannot read (no tokens, or norms and keys of different lengths)
}

// termSolid is a compound of a term written solid: parts [a, b) and the
// key of the word written solid (lang.SolidKeyOf).
type termSolid struct {
	a, b int
	key  string
}

// prepareTerm is splitCompounds for a term's tokens, given as their
// folded forms and keys. A term without compounds keeps norms and keys
// (a resident index holds many).
func prepareTerm(norms, keys []string) preparedTerm {
	if len(norms) == 0 || len(norms) != len(keys) {
		return preparedTerm{}
	}
	t := preparedTerm{form: norms, ok: true}
	compound := false
	for i := range norms {
		t.imp += importance(norms[i])
		if strings.IndexByte(norms[i], '-') > 0 {
			compound = true
		}
	}
	if !compound && len(norms) <= len(identity) {
		t.norms, t.keys, t.origin = norms, keys, identity[:len(norms)]
		return t
	}
	t.imp = 0
	for i := range norms {
		pn, pk := compoundParts(norms[i], keys[i])
		if pn == nil {
			pn, pk = norms[i:i+1], keys[i:i+1]
		} else if solid := lang.SolidKeyOf(pn, pk[len(pk)-1]); solid != "" {
			t.solids = append(t.solids, termSolid{a: len(t.norms), b: len(t.norms) + len(pn), key: solid})
		}
		for j := range pn {
			t.norms, t.keys, t.origin = append(t.norms, pn[j]), append(t.keys, pk[j]), append(t.origin, i)
			t.imp += importance(pn[j])
		}
	}
	return t
}

// identity is the origin of the parts of a term without compounds, shared
// by all such terms: part i is token i.
var identity = func() []int {
	s := make([]int, 64)
	for i := range s {
		s[i] = i
	}
	return s
}()

// termMatch is how well a query matched one term.
type termMatch struct {
	score   float64 // 0–100
	kind    Kind
	matched []int // indices of the term's tokens that matched, when recorded
	// words and exactWords have bit i set when query word i (its
	// index before compounds are split: queryToken.orig) matched,
	// and matched as written (weightExact).
	words, exactWords uint32
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
	t := prepareTerm(norms, keys)
	return matchPrepared(q, &t, opt, true)
}

// matchPrepared is matchTokens on a prepared term. With record unset it
// leaves termMatch.matched nil and allocates nothing for most terms:
// a lookup scores every candidate's terms, and records only the
// results'.
func matchPrepared(q []queryToken, t *preparedTerm, opt rankOptions, record bool) termMatch {
	if len(q) == 0 || !t.ok {
		return termMatch{}
	}
	q, norms, keys, origin := alignSolid(q, t)
	tImp := t.imp
	if len(norms) != len(t.norms) {
		tImp = 0
		for _, n := range norms {
			tImp += importance(n)
		}
	}
	var usedBuf [32]bool
	var used []bool
	if len(norms) <= len(usedBuf) {
		used = usedBuf[:len(norms)]
	} else {
		used = make([]bool, len(norms))
	}
	var sum, qImp, tMatched float64
	var matched []int
	var m termMatch
	var notWritten uint32
	n := 0
	allExact, allStem, anySignificant, allShort, completed := true, true, false, true, false
	inOrder := true
	last := -1
	for i, qt := range q {
		qImp += qt.imp
		if significant(qt) {
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
			notWritten |= 1 << uint(qt.orig)
			continue
		}
		used[bestJ] = true
		n++
		if record {
			matched = append(matched, bestJ)
		}
		m.words |= 1 << uint(qt.orig)
		// As written means word for word: a query word met as a part
		// of a term's compound ("inter" in inter-parliamentary) may be
		// unfinished, and one part of a compound matching is not the
		// compound matching.
		if best == weightExact && isPartOf(q, i) == isPartAt(origin, bestJ) {
			m.exactWords |= 1 << uint(qt.orig)
		} else {
			notWritten |= 1 << uint(qt.orig)
		}
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
		if significant(qt) {
			anySignificant = true
		}
	}
	if n == 0 || (!anySignificant && !allShort) {
		return termMatch{}
	}
	m.exactWords &^= notWritten
	allQuery := n == len(q)
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
	m.score = math.Min(100, math.Round(s*1000)/10)
	// Report the term's tokens, not their parts, for highlighting.
	for _, j := range matched {
		if o := origin[j]; !slices.Contains(m.matched, o) {
			m.matched = append(m.matched, o)
		}
	}
	switch {
	case !allQuery || n < len(norms):
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
	if qt.noEdits {
		return 0
	}
	w := 0.0
	if opt.fuzzy && qt.fuzz > 0 {
		if d := lang.EditDistance(qt.norm, norm, qt.fuzz); d <= qt.fuzz {
			w = weightFuzzy - 0.1*float64(d)
		} else if qt.keyFuzz > 0 {
			if d := lang.EditDistance(qt.key, key, qt.keyFuzz); d <= qt.keyFuzz {
				w = weightFuzzyK - 0.1*float64(d)
			}
		}
	}
	if prefix && w < weightPrefix && qt.runes >= minPrefixRunes && len(norm) > len(qt.norm) && norm[:len(qt.norm)] == qt.norm {
		w = weightPrefix
	}
	return w
}
