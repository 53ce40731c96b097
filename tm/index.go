package tm

import (
	"container/heap"
	"math"
	"sort"
	"strings"
	"sync"

	"tolmach/internal/lang"
)

// Index is the in-memory form of a TM for queries: the segments of
// every unit, and an inverted index from matching keys (per language)
// to the units holding them. It is built from a TM file once and cached
// on disk (see [Open]); it is safe for concurrent queries, not for
// concurrent queries and [Index.Add].
type Index struct {
	text     []byte   // all segment texts and ids, back to back
	unitSegs []uint32 // unit i has segments segs[unitSegs[i]:unitSegs[i+1]]
	segs     []segRef // language and place in text of each segment
	ids      []span   // each unit's id in text
	keys     []uint64 // each unit's deduplication key ([Unit.Key])
	langs    []string // distinct segment languages; segRef.lang indexes it
	langIdx  map[string]uint16
	terms    map[string]uint32 // base language + "\x00" + matching key → term number
	postings [][]uint32        // per term, the ascending numbers of the units holding it
	seqs     []uint32          // the token sequences of all segments, as term numbers
	dedup    map[uint64]struct{}
	accPool  sync.Pool
}

type span struct{ off, n uint32 }

type segRef struct {
	lang uint16
	span      // the text
	seq  span // its tokens (words, numbers, punctuation) in seqs, for rescoring without re-analysis
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		unitSegs: []uint32{0},
		langIdx:  map[string]uint16{},
		terms:    map[string]uint32{},
		dedup:    map[uint64]struct{}{},
	}
}

// Len returns the number of units in the index.
func (x *Index) Len() int { return len(x.unitSegs) - 1 }

// Has reports whether a unit with this deduplication key is indexed.
func (x *Index) Has(key uint64) bool {
	_, ok := x.dedup[key]
	return ok
}

// analysed is a unit made ready for the index: its key and the distinct
// language-tagged terms of its segments. Analysis is the costly part of
// indexing and runs in parallel; adding to the index does not.
type analysed struct {
	key  uint64
	segs [][]analysedToken // per segment, its tokens as terms
}

type analysedToken struct {
	term  string // base language + "\x00" + key
	punct bool
}

func analyseUnit(u *Unit) analysed {
	parts := make([]string, 0, len(u.Segments))
	segs := make([][]analysedToken, len(u.Segments))
	var keys []string
	for i, s := range u.Segments {
		base := BaseLang(s.Lang)
		toks := scoreTokens(s.Text)
		at := make([]analysedToken, len(toks))
		keys = keys[:0]
		for j, t := range toks {
			at[j] = analysedToken{term: base + "\x00" + t.Key, punct: t.Punct}
			if !t.Punct {
				keys = append(keys, t.Key)
			}
		}
		segs[i] = at
		parts = append(parts, base+"\x00"+strings.Join(keys, " "))
	}
	return analysed{key: keyOf(parts), segs: segs}
}

// Add adds u to the index unless a unit with the same key is there, and
// reports whether it was added.
func (x *Index) Add(u *Unit) bool {
	return x.add(u, analyseUnit(u))
}

func (x *Index) add(u *Unit, a analysed) bool {
	if _, dup := x.dedup[a.key]; dup {
		return false
	}
	x.dedup[a.key] = struct{}{}
	n := uint32(x.Len())
	for i, s := range u.Segments {
		l, ok := x.langIdx[s.Lang]
		if !ok {
			l = uint16(len(x.langs))
			x.langs = append(x.langs, s.Lang)
			x.langIdx[s.Lang] = l
		}
		seq := span{off: uint32(len(x.seqs))}
		for _, t := range a.segs[i] {
			id, ok := x.terms[t.term]
			if !ok {
				id = uint32(len(x.postings))
				x.terms[t.term] = id
				x.postings = append(x.postings, nil)
			}
			x.seqs = append(x.seqs, id)
			if !t.punct {
				if p := x.postings[id]; len(p) == 0 || p[len(p)-1] != n {
					x.postings[id] = append(p, n)
				}
			}
		}
		seq.n = uint32(len(x.seqs)) - seq.off
		x.segs = append(x.segs, segRef{lang: l, span: x.appendText(s.Text), seq: seq})
	}
	x.unitSegs = append(x.unitSegs, uint32(len(x.segs)))
	x.ids = append(x.ids, x.appendText(u.ID))
	x.keys = append(x.keys, a.key)
	return true
}

func (x *Index) appendText(s string) span {
	sp := span{off: uint32(len(x.text)), n: uint32(len(s))}
	x.text = append(x.text, s...)
	return sp
}

func (x *Index) str(s span) string { return string(x.text[s.off : s.off+s.n]) }

// Unit returns unit i (0 ≤ i < Len) as the index keeps it: id and
// segments (plain text, no markup); metadata is in the TM file only.
func (x *Index) Unit(i int) Unit {
	u := Unit{ID: x.str(x.ids[i])}
	for _, s := range x.segs[x.unitSegs[i]:x.unitSegs[i+1]] {
		u.Segments = append(u.Segments, Segment{Lang: x.langs[s.lang], Text: x.str(s.span)})
	}
	return u
}

// segRefIn returns unit i's first segment in the base language base.
func (x *Index) segRefIn(i int, base string) (segRef, bool) {
	for _, s := range x.segs[x.unitSegs[i]:x.unitSegs[i+1]] {
		if BaseLang(x.langs[s.lang]) == base {
			return s, true
		}
	}
	return segRef{}, false
}

// querySeq maps the query's tokens to term numbers; tokens the TM does
// not know get numbers no term has, distinct unless their keys are equal.
func (x *Index) querySeq(q []scoreToken, base string) []uint32 {
	seq := make([]uint32, len(q))
	unknown := map[string]uint32{}
	for i, t := range q {
		if id, ok := x.terms[base+"\x00"+t.Key]; ok {
			seq[i] = id
			continue
		}
		id, ok := unknown[t.Key]
		if !ok {
			id = math.MaxUint32 - uint32(len(unknown))
			unknown[t.Key] = id
		}
		seq[i] = id
	}
	return seq
}

// segmentIn returns the text of unit i's first segment in the base
// language base.
func (x *Index) segmentIn(i int, base string) (string, bool) {
	for _, s := range x.segs[x.unitSegs[i]:x.unitSegs[i+1]] {
		if BaseLang(x.langs[s.lang]) == base {
			return x.str(s.span), true
		}
	}
	return "", false
}

// otherSegment returns unit i's translation for a query in base: the
// first segment in another language, Russian or English first.
func (x *Index) otherSegment(i int, base string) (string, string) {
	var other, otherLang string
	for _, s := range x.segs[x.unitSegs[i]:x.unitSegs[i+1]] {
		l := x.langs[s.lang]
		b := BaseLang(l)
		if b == base {
			continue
		}
		if b == "ru" || b == "en" {
			return x.str(s.span), l
		}
		if other == "" {
			other, otherLang = x.str(s.span), l
		}
	}
	return other, otherLang
}

// Match is a fuzzy match of a query in the TM.
type Match struct {
	Unit       int    // the unit's number in the index
	ID         string // the unit's id
	Score      int    // the fuzzy percentage, 0–100 ([Score])
	Source     string // the unit's segment in the query's language
	Target     string // its translation (the other language)
	SourceLang string
	TargetLang string
}

// MatchOptions tune [Index.Match].
type MatchOptions struct {
	Min   int    // lowest percentage returned (0–100)
	Limit int    // most matches returned; 0 means 5
	Lang  string // the query's language; "" detects it by script
}

// candidatesPerQuery is how many units, ranked by the idf-weighted
// share of query keys they hold, are rescored with the edit distance.
const candidatesPerQuery = 64

// Match returns the units most similar to query, best first: candidates
// from the inverted index of matching keys, weighted by rarity, then
// rescored with [Score]. Ties keep TM order.
func (x *Index) Match(query string, opt MatchOptions) []Match {
	if opt.Limit <= 0 {
		opt.Limit = 5
	}
	q := scoreTokens(query)
	var out []Match
	for _, base := range queryLangs(query, opt.Lang) {
		cands := x.candidates(q, base, max(candidatesPerQuery, 4*opt.Limit))
		if len(cands) == 0 {
			continue
		}
		qseq := x.querySeq(q, base)
		for _, c := range cands {
			seg, ok := x.segRefIn(int(c), base)
			if !ok {
				continue
			}
			cseq := x.seqs[seg.seq.off : seg.seq.off+seg.seq.n]
			m := max(len(qseq), len(cseq))
			ld := levenshteinIDs(qseq, cseq)
			if m > 0 && 100*(m-ld)/m < opt.Min {
				continue
			}
			src := x.str(seg.span)
			s := 100
			if ld > 0 {
				s = 100 * (m - ld) / m
			} else {
				s = score(q, scoreTokens(src)) // 100 or 99: needs the written forms
			}
			tgt, tl := x.otherSegment(int(c), base)
			out = append(out, Match{Unit: int(c), ID: x.str(x.ids[c]), Score: s, Source: src, Target: tgt,
				SourceLang: x.langOf(int(c), base), TargetLang: tl})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Unit < out[j].Unit
	})
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	return out
}

func (x *Index) langOf(i int, base string) string {
	for _, s := range x.segs[x.unitSegs[i]:x.unitSegs[i+1]] {
		if BaseLang(x.langs[s.lang]) == base {
			return x.langs[s.lang]
		}
	}
	return base
}

// queryLangs returns the base languages to look a query up in: the one
// given, else the one its script shows, else Russian and English.
func queryLangs(query, given string) []string {
	if given != "" {
		return []string{BaseLang(given)}
	}
	// Both, the script's first: a query mixing scripts (Latin names in
	// a Russian sentence) may belong to either side.
	if lang.Detect(query) == lang.EN {
		return []string{"en", "ru"}
	}
	return []string{"ru", "en"}
}

// accumulator is the per-query scratch space of candidates: a weight
// per unit and the list of units touched, reused through a pool so that
// a query at a million units allocates nothing big.
type accumulator struct {
	w       []float32
	touched []uint32
}

// candidates returns up to k units holding the query's keys in base,
// ranked by the idf-weighted sum of the keys they share with it. Keys
// held by more than a tenth of a large TM (the, и, of) are left out of
// the ranking when rarer ones exist: they would only cost time.
func (x *Index) candidates(q []scoreToken, base string, k int) []uint32 {
	n := x.Len()
	if n == 0 {
		return nil
	}
	type qterm struct {
		id uint32
		df int
		w  float32
	}
	var qt []qterm
	seen := map[uint32]bool{}
	for _, t := range q {
		if t.Punct {
			continue
		}
		id, ok := x.terms[base+"\x00"+t.Key]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		df := len(x.postings[id])
		qt = append(qt, qterm{id: id, df: df, w: float32(math.Log(1 + float64(n)/float64(df)))})
	}
	if len(qt) == 0 {
		return nil
	}
	sort.Slice(qt, func(i, j int) bool { return qt[i].df < qt[j].df })
	if n >= 10000 {
		limit := n / 10
		keep := 0
		for keep < len(qt) && qt[keep].df <= limit {
			keep++
		}
		if keep >= 2 {
			qt = qt[:keep]
		} else {
			qt = qt[:min(len(qt), 2)]
		}
	}
	acc, _ := x.accPool.Get().(*accumulator)
	if acc == nil || len(acc.w) < n {
		acc = &accumulator{w: make([]float32, n+n/4)}
	}
	for _, t := range qt {
		for _, u := range x.postings[t.id] {
			if acc.w[u] == 0 {
				acc.touched = append(acc.touched, u)
			}
			acc.w[u] += t.w
		}
	}
	h := &candHeap{}
	for _, u := range acc.touched {
		c := cand{u: u, w: acc.w[u]}
		acc.w[u] = 0
		if h.Len() < k {
			heap.Push(h, c)
		} else if c.better((*h)[0]) {
			(*h)[0] = c
			heap.Fix(h, 0)
		}
	}
	acc.touched = acc.touched[:0]
	x.accPool.Put(acc)
	out := make([]uint32, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(cand).u
	}
	return out
}

type cand struct {
	u uint32
	w float32
}

func (c cand) better(d cand) bool { return c.w > d.w || c.w == d.w && c.u < d.u }

// candHeap is a min-heap of candidates: the worst kept one on top.
type candHeap []cand

func (h candHeap) Len() int           { return len(h) }
func (h candHeap) Less(i, j int) bool { return h[j].better(h[i]) }
func (h candHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(v any)        { *h = append(*h, v.(cand)) }
func (h *candHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// Hit is a concordance result: a unit whose segment holds the phrase.
type Hit struct {
	Unit       int
	ID         string
	Source     string // the segment holding the phrase
	Target     string // its translation
	SourceLang string
	TargetLang string
	// Spans are the byte ranges of Source that matched the phrase, for
	// highlighting.
	Spans [][2]int
}

// Search returns up to limit units (0: 20) holding phrase in any
// inflected form — its matching keys, contiguous, in either language —
// in TM order.
func (x *Index) Search(phrase string, limit int) []Hit {
	if limit <= 0 {
		limit = 20
	}
	qkeys := lang.Keys(phrase)
	if len(qkeys) == 0 {
		return nil
	}
	var out []Hit
	for _, base := range queryLangs(phrase, "") {
		lists := make([][]uint32, 0, len(qkeys))
		ok := true
		for _, k := range qkeys {
			id, found := x.terms[base+"\x00"+k]
			if !found {
				ok = false
				break
			}
			lists = append(lists, x.postings[id])
		}
		if !ok {
			continue
		}
		sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
		for _, u := range lists[0] {
			if !allContain(lists[1:], u) {
				continue
			}
			for _, s := range x.segs[x.unitSegs[u]:x.unitSegs[u+1]] {
				if BaseLang(x.langs[s.lang]) != base {
					continue
				}
				text := x.str(s.span)
				spans := phraseSpans(text, qkeys)
				if len(spans) == 0 {
					continue
				}
				tgt, tl := x.otherSegment(int(u), base)
				out = append(out, Hit{Unit: int(u), ID: x.str(x.ids[u]), Source: text, Target: tgt,
					SourceLang: x.langs[s.lang], TargetLang: tl, Spans: spans})
				break
			}
			if len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// allContain reports whether every ascending list holds u.
func allContain(lists [][]uint32, u uint32) bool {
	for _, l := range lists {
		i := sort.Search(len(l), func(i int) bool { return l[i] >= u })
		if i == len(l) || l[i] != u {
			return false
		}
	}
	return true
}

// phraseSpans returns where in text the key sequence occurs.
func phraseSpans(text string, keys []string) [][2]int {
	toks := lang.Analyze(text)
	var spans [][2]int
	for i := 0; i+len(keys) <= len(toks); i++ {
		j := 0
		for j < len(keys) && toks[i+j].Key == keys[j] {
			j++
		}
		if j == len(keys) {
			spans = append(spans, [2]int{toks[i].Start, toks[i+j-1].End})
			i += j - 1
		}
	}
	return spans
}

// Stats describes the contents of an index.
type Stats struct {
	Units     int         `json:"units"`
	Terms     int         `json:"terms"` // distinct matching keys and punctuation, per language
	Languages []LangStats `json:"languages"`
}

// LangStats counts the segments and tokens of one language.
type LangStats struct {
	Lang     string `json:"lang"`
	Segments int    `json:"segments"`
	Tokens   int    `json:"tokens"` // words, numbers and punctuation
}

// Stats returns the counts of the index, languages in order of first use.
func (x *Index) Stats() Stats {
	per := make([]LangStats, len(x.langs))
	for i, l := range x.langs {
		per[i].Lang = l
	}
	for _, s := range x.segs {
		per[s.lang].Segments++
		per[s.lang].Tokens += int(s.seq.n)
	}
	return Stats{Units: x.Len(), Terms: len(x.terms), Languages: per}
}
