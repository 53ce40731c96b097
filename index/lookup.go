package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// MaxQueryTokens is the number of words of a query that are searched;
// the rest is ignored, so that a pasted paragraph is never slow. Callers
// that want to tell the user should compare with [QueryTokens].
const MaxQueryTokens = 24

// DefaultLimit is the number of results a [Query] with no Limit returns.
const DefaultLimit = 10

// MaxLimit caps Query.Limit: bleve allocates its result heap up front,
// so "--limit 1000000000" must not reach it.
const MaxLimit = 1000

// Query is a lookup request.
type Query struct {
	Text string
	// Lang is the language of the query: "ru", "en", or "" to take it
	// from the script of Text (and to try the other language when the
	// first finds nothing).
	Lang string
	// Limit is the maximum number of results; 0 means DefaultLimit, and
	// more than MaxLimit means MaxLimit.
	Limit int
	// Exact restricts matching to the query's words as written (after
	// folding: case, ё/е, quotes and dashes still do not matter), in
	// order, as the whole term or a phrase within it: no stems, no
	// typos, no prefixes.
	Exact bool
}

// Span is a byte range of a term's text.
type Span struct{ Start, End int }

// Result is one concept found by a lookup.
type Result struct {
	// Concept is the concept as indexed; each term's Status and Type
	// are its effective ones (never empty).
	Concept *glossary.Concept
	// Score is 0–100: 100 for an exact match of a whole term; see Kind.
	Score float64
	// Kind tells how the best-matching term matched.
	Kind Kind
	// Term is the concept's term that matched best (one of Concept.Terms).
	Term *glossary.Term
	// Spans are the parts of Term.Text that matched, for highlighting.
	Spans []Span
}

// QueryTokens returns the number of words lang finds in text, for
// callers that truncate long queries themselves.
func QueryTokens(text string) int { return len(lang.Analyze(text)) }

// candidatesFor is the number of bleve hits reranked for a lookup that
// returns limit results: bleve's tf-idf only has to put the right
// concepts among them, the reranker orders them.
func candidatesFor(limit int) int { return max(50, 5*limit) }

// Lookup finds the concepts whose terms match q, best first, each
// concept once. Candidates come from bleve — exact words, stems, a
// phrase on stems and the abbreviation as written; when they leave a
// query word unmatched, per-word fuzzy queries and a prefix for the last
// word — and are reranked by [Kind] and score (see matchTokens), a
// preferred term first among equals.
func (x *Index) Lookup(ctx context.Context, q Query) ([]Result, error) {
	return x.lookup(ctx, q, nil)
}

// LookupFunc is [Index.Lookup] for a caller that only reads the results
// before it returns: it calls use with them, then reuses their memory,
// concepts and terms included, for later lookups, and it leaves their
// Spans empty. A server encoding each answer at once allocates almost
// nothing for it: a first lookup (not answered from a cache) no longer
// grows the heap by some 5 KB of decoded concepts, results and spans,
// which on a server just started are fresh pages, each a page fault
// (some 25 µs on a virtual machine).
func (x *Index) LookupFunc(ctx context.Context, q Query, use func([]Result) error) error {
	a := arenaPool.Get().(*resultArena)
	defer a.release()
	res, err := x.lookup(ctx, q, a)
	if err != nil {
		return err
	}
	return use(res)
}

// lookup is Lookup, its results made in a when a is not nil (see
// LookupFunc).
func (x *Index) lookup(ctx context.Context, q Query, a *resultArena) ([]Result, error) {
	toks := lang.Analyze(q.Text)
	if len(toks) > MaxQueryTokens {
		toks = toks[:MaxQueryTokens]
	}
	if len(toks) == 0 {
		return nil, nil
	}
	limit := min(q.Limit, MaxLimit)
	if limit <= 0 {
		limit = DefaultLimit
	}
	var langs []string
	switch q.Lang {
	case "", "auto":
		if l := lang.Detect(q.Text); l != "" {
			langs = []string{string(l)}
		} else {
			langs = indexedLangs
		}
	case "ru", "en":
		langs = []string{q.Lang}
	default:
		return nil, fmt.Errorf("lookup: unknown language %q (want ru, en or auto)", q.Lang)
	}
	// The last word is completed as a prefix only when the query ends
	// in it: "Шанхайская орг" but not "Шанхайская орг ".
	lastTok := toks[len(toks)-1]
	prefix := !q.Exact && lastTok.Kind == lang.Word && lastTok.End == len(q.Text)
	qt := newQueryTokens(toks)
	res, err := x.lookupIn(ctx, qt, langs, limit, q.Exact, prefix, a)
	if err != nil || len(res) > 0 || (q.Lang != "" && q.Lang != "auto") || len(langs) != 1 {
		return res, err
	}
	// Nothing in the language of the script: a Latin abbreviation
	// written among Russian terms, say. Try the other language.
	other := []string{"en"}
	if langs[0] == "en" {
		other = []string{"ru"}
	}
	return x.lookupIn(ctx, qt, other, limit, q.Exact, prefix, a)
}

// candidate is a concept found by a lookup, scored by its best term.
type candidate struct {
	id       string
	data     string // the stored concept
	best     termMatch
	term     int           // index of the best term in the concept's Terms
	pt       *preparedTerm // the best term's tokens (for its spans)
	severity int
	length   int // words of the best term
}

// before reports whether a ranks before b: by score, then preferred
// terms first, shorter terms first, and by ID.
func (a *candidate) before(b *candidate) bool {
	return rankBefore(a.best.score, a.severity, a.length, a.id, b.best.score, b.severity, b.length, b.id)
}

// key is what orders the candidate.
func (a *candidate) key() rankKey { return rankKey{a.best.score, a.severity, a.length, a.id} }

// rankKey is what orders a candidate (see candidate.before): score,
// then severity, length and ID.
type rankKey struct {
	score            float64
	severity, length int
	id               string
}

func (a *rankKey) before(b *rankKey) bool {
	return rankBefore(a.score, a.severity, a.length, a.id, b.score, b.severity, b.length, b.id)
}

// rankBefore is the order of candidates: by score, then preferred
// terms first, shorter terms first, and by ID.
func rankBefore(aScore float64, aSev, aLen int, aID string, bScore float64, bSev, bLen int, bID string) bool {
	if aScore != bScore {
		return aScore > bScore
	}
	if aSev != bSev {
		return aSev < bSev
	}
	if aLen != bLen {
		return aLen < bLen
	}
	return aID < bID
}

// consider makes term t of the candidate its best when it matches
// better than the best so far (or as well, with a better status or
// fewer words).
func (c *candidate) consider(tm termMatch, index, severity, length int, pt *preparedTerm) {
	if tm.score == 0 {
		return
	}
	if c.term < 0 || tm.score > c.best.score ||
		tm.score == c.best.score && (severity < c.severity || severity == c.severity && length < c.length) {
		c.best, c.term, c.severity, c.length, c.pt = tm, index, severity, length, pt
	}
}

// lookupIn looks q up in langs; with a, the results are a's, without
// spans (see LookupFunc).
func (x *Index) lookupIn(ctx context.Context, q []queryToken, langs []string, limit int, exact, prefix bool, a *resultArena) ([]Result, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.bi == nil {
		return nil, ErrClosed
	}
	find := x.search
	if x.res != nil {
		// Both searches of a lookup, and the results made from the
		// candidates, use one scratch, put back when the results are made.
		s := x.res.getScratch()
		defer x.res.putScratch(s)
		find = func(ctx context.Context, q []queryToken, langs []string, limit int, opt rankOptions) ([]candidate, []bool, error) {
			return x.res.searchWith(ctx, s, q, langs, limit, opt)
		}
	}
	opt := rankOptions{exact: exact}
	cands, seen, err := find(ctx, q, langs, limit, opt)
	if err != nil {
		return nil, err
	}
	if !exact && slices.Contains(seen, false) && needsEdits(q, seen, prefix) {
		// Some word matched nowhere by form, nor by stem within a whole
		// term: a typo (whose stem may collide with another word's:
		// sovereignity → sovereign), or a word still being typed.
		// Search again, adding edits and completion for those words
		// only: the others are no typos.
		q = slices.Clone(q)
		for i := range q {
			q[i].noEdits = seen[i]
		}
		opt.fuzzy, opt.prefix = true, prefix
		if cands, _, err = find(ctx, q, langs, limit, opt); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.before(&b) {
			return -1
		}
		if b.before(&a) {
			return 1
		}
		return 0
	})
	if len(cands) > limit {
		cands = cands[:limit]
	}
	rq := splitCompounds(q)
	out := a.resultList(len(cands))
	for _, c := range cands {
		concept, err := decodeConceptIn(c.data, a)
		if err != nil {
			return nil, fmt.Errorf("lookup: concept %s: %w", c.id, err)
		}
		if c.term < 0 || c.term >= len(concept.Terms) {
			return nil, fmt.Errorf("lookup: concept %s: %w: term %d out of range", c.id, ErrCorrupt, c.term)
		}
		t := concept.Terms[c.term]
		r := Result{Concept: concept, Score: c.best.score, Kind: c.best.kind, Term: t}
		if a != nil {
			out = append(out, r)
			continue
		}
		if m := matchPrepared(rq, c.pt, opt, true); len(m.matched) > 0 {
			bounds := lang.TokenBounds(t.Text)
			// The matched tokens are the form's: a term with optional
			// words matched without them ("Congress" of "[US] Congress")
			// has fewer tokens than its text.
			at := formTokens(t, c.pt.form)
			for _, j := range m.matched {
				if j < len(at) {
					j = at[j]
				}
				if j < len(bounds) {
					r.Spans = append(r.Spans, Span{bounds[j][0], bounds[j][1]})
				}
			}
			slices.SortFunc(r.Spans, func(a, b Span) int { return a.Start - b.Start })
		}
		out = append(out, r)
	}
	if a != nil {
		a.results = out
	}
	return out, nil
}

// formTokens maps the tokens of the form of term t whose folded words
// are norms to the tokens of t.Text: the form is t's text with some
// optional groups left out (glossary.Term.Forms), so token i of «Конгресс»
// is token 1 of «[США] Конгресс». It returns nil for a term without
// optional words, or when no form has those words (the indexes are then
// t.Text's own).
func formTokens(t *glossary.Term, norms []string) []int {
	if !t.HasOptional() {
		return nil
	}
	toks := lang.Analyze(t.Text)
	// The optional group of each token, or -1: groups are counted by
	// their opening brackets.
	group := make([]int, len(toks))
	var groups []int
	for i, tok := range toks {
		group[i] = -1
		before := t.Text[:tok.Start]
		if open := strings.LastIndexByte(before, '['); open >= 0 && open > strings.LastIndexByte(before, ']') {
			group[i] = strings.Count(t.Text[:open], "[")
			if len(groups) == 0 || groups[len(groups)-1] != group[i] {
				groups = append(groups, group[i])
			}
		}
	}
	if len(groups) > 8 {
		return nil
	}
	for mask := 0; mask < 1<<len(groups); mask++ {
		var at []int
		for i := range toks {
			if k := slices.Index(groups, group[i]); k >= 0 && mask&(1<<k) != 0 {
				continue // left out in this form
			}
			at = append(at, i)
		}
		if len(at) != len(norms) {
			continue
		}
		same := true
		for k, i := range at {
			same = same && toks[i].Norm == norms[k]
		}
		if same {
			return at
		}
	}
	return nil
}

// needsEdits reports whether a second search with edits would add
// anything: an unseen word long enough for a typo, or an unseen last
// word to complete.
func needsEdits(q []queryToken, seen []bool, prefix bool) bool {
	for i, t := range q {
		if seen[i] {
			continue
		}
		if t.fuzz > 0 || prefix && i == len(q)-1 && t.runes >= minPrefixRunes {
			return true
		}
	}
	return false
}

// matchedWords reports, for each query word, whether some candidate
// matched it as written, or by its stem within a whole-term match: such
// a word is no typo, and edits need not be tried for it.
func matchedWords(cands []candidate, n int) []bool {
	var words uint32
	for _, c := range cands {
		words |= c.best.seenWords()
	}
	return wordBits(words, n)
}

// seenWords is the set of query words a match shows are no typos: all
// it matched when it matched the whole term, else those matched as
// written.
func (m termMatch) seenWords() uint32 {
	if m.kind == Exact || m.kind == Stemmed {
		return m.words
	}
	return m.exactWords
}

func wordBits(words uint32, n int) []bool {
	seen := make([]bool, n)
	for i := range seen {
		seen[i] = words&(1<<uint(i)) != 0
	}
	return seen
}

// search asks bleve for candidates (see exactQuery and fuzzyQuery),
// reranks every hit by its best term in langs and returns the concepts
// that matched, with the query words they show are no typos. The
// caller holds x.mu.
func (x *Index) search(ctx context.Context, q []queryToken, langs []string, limit int, opt rankOptions) ([]candidate, []bool, error) {
	bq := exactQuery(q, langs, opt.exact)
	if opt.fuzzy || opt.prefix {
		seen := make([]bool, len(q))
		for i := range q {
			seen[i] = q[i].noEdits
		}
		if fq := fuzzyQuery(q, seen, langs, opt.prefix); fq != nil {
			bq = query.NewDisjunctionQuery([]query.Query{exactQuery(q, langs, false), fq})
		}
	}
	req := bleve.NewSearchRequestOptions(bq, candidatesFor(limit), 0, false)
	// Ties on score are broken by concept id: bleve numbers a batch's
	// documents in an order of its own, so without this, which of the
	// candidates tied at the cut-off are reranked could change from one
	// build of the same glossary to the next.
	req.SortByCustom(search.SortOrder{&roundedScore{desc: true}, &search.SortDocID{}})
	req.Fields = []string{fieldMatch, fieldData}
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, nil, fmt.Errorf("searching %s: %w", displayDir(x.dir), err)
	}
	rq := splitCompounds(q)
	cands := make([]candidate, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		m, _ := h.Fields[fieldMatch].(string)
		data, _ := h.Fields[fieldData].(string)
		terms, err := decodeMatch(m)
		if err != nil {
			return nil, nil, fmt.Errorf("searching %s: concept %s: %w", displayDir(x.dir), h.ID, err)
		}
		c := candidate{id: h.ID, data: data, term: -1}
		for _, t := range terms {
			if !contains(langs, t.lang) {
				continue
			}
			pt := prepareTerm(t.norms, t.keys)
			c.consider(matchPrepared(rq, &pt, opt, false), t.index, t.severity, len(t.norms), &pt)
		}
		if c.term >= 0 {
			cands = append(cands, c)
		}
	}
	return cands, matchedWords(cands, len(q)), nil
}

// roundedScore sorts bleve's hits by their score rounded to a float32.
// bleve adds up the scores of a disjunction's clauses in an order that
// depends on how the documents are numbered, which differs from one
// build of the same glossary to the next: concepts that tie on score
// then differ in the last bits, differently after each build, and
// which of them were kept at the cut-off changed with it. Rounded, they
// tie, and the concept id decides.
type roundedScore struct{ desc bool }

var _ search.SearchSort = (*roundedScore)(nil)

// UpdateVisitor implements search.SearchSort: no field is read.
func (s *roundedScore) UpdateVisitor(field string, term []byte) {}

// Value implements search.SearchSort: the rounded score's bits, which
// sort as the scores do (scores are never negative).
func (s *roundedScore) Value(d *search.DocumentMatch) string {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], math.Float32bits(float32(d.Score)))
	return string(b[:])
}

// DecodeValue implements search.SearchSort.
func (s *roundedScore) DecodeValue(v string) string { return v }

// Descending implements search.SearchSort.
func (s *roundedScore) Descending() bool { return s.desc }

// RequiresDocID implements search.SearchSort.
func (s *roundedScore) RequiresDocID() bool { return false }

// RequiresScoring implements search.SearchSort. It is false although
// the score is read: bleve compares the raw scores of a sort that
// requires scoring, and scores every hit anyway.
func (s *roundedScore) RequiresScoring() bool { return false }

// RequiresFields implements search.SearchSort.
func (s *roundedScore) RequiresFields() []string { return nil }

// Reverse implements search.SearchSort.
func (s *roundedScore) Reverse() { s.desc = !s.desc }

// Copy implements search.SearchSort.
func (s *roundedScore) Copy() search.SearchSort { c := *s; return &c }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exactQuery finds candidates by form and stem: the whole query as a
// whole term by its match key (boost 10); per word, the folded word
// (boost 2), its stem and, for a word in capitals, the word as written
// in the case-sensitive field; for several words, a phrase on stems
// (boost 3). With exact set, only the folded words.
func exactQuery(q []queryToken, langs []string, exact bool) query.Query {
	var qs []query.Query
	// A word repeated in the query is asked for once: a long pasted
	// query repeating one phrase would otherwise fill the candidates
	// with that phrase's concepts and crowd out the rest of the query.
	seen := map[string]bool{}
	termQuery := func(field, term string, boost float64) query.Query {
		k := field + "\x00" + term + "\x00" + strconv.FormatFloat(boost, 'g', -1, 64)
		if seen[k] {
			return nil
		}
		seen[k] = true
		return termQuery(field, term, boost)
	}
	wholes := wholeTermKeys(q)
	for _, l := range langs {
		if !exact {
			// The whole query as a whole term, by its match key: every
			// inflected form of every word, and never crowded out.
			for _, w := range wholes {
				qs = append(qs, termQuery(l+SuffixTerm, w, 10))
			}
			// Compounds written apart or together: "non proliferation"
			// finds non-proliferation, and the other way round.
			for i := 0; i+1 < len(q); i++ {
				if !q[i].number && !q[i+1].number {
					qs = append(qs, termQuery(l+SuffixNorm, q[i].norm+"-"+q[i+1].norm, 2), termQuery(l+SuffixKey, q[i].key+"-"+q[i+1].key, 1))
				}
			}
			for _, t := range q {
				norms, keys := compoundParts(t.norm, t.key)
				for j := range norms {
					qs = append(qs, termQuery(l+SuffixNorm, norms[j], 1), termQuery(l+SuffixKey, keys[j], 0.5))
				}
				// co-operation finds cooperation (see lang.Token.SolidKey).
				if t.solid != "" {
					qs = append(qs, termQuery(l+SuffixKey, t.solid, 1))
				}
			}
		}
		var keys []string
		for _, t := range q {
			qs = append(qs, termQuery(l+SuffixNorm, t.norm, 2))
			keys = append(keys, t.key)
			if exact {
				continue
			}
			if t.key != t.norm {
				qs = append(qs, termQuery(l+SuffixKey, t.key, 1))
			}
			if t.upper {
				qs = append(qs, termQuery(l+SuffixCase, t.text, 1))
			}
		}
		if len(q) > 1 && !exact {
			pq := query.NewPhraseQuery(keys, l+SuffixKey)
			pq.SetBoost(3)
			qs = append(qs, pq)
		}
	}
	return query.NewDisjunctionQuery(slices.DeleteFunc(qs, func(q query.Query) bool { return q == nil }))
}

// fuzzyQuery finds candidates with typos for the query words not yet
// matched (seen[i] false): per word long enough, a fuzzy query on the
// folded word and one on its stem, with edit distances tolmach computes
// from the letter count (see fuzziness); and a prefix query for the last
// word when it may be unfinished. It returns nil when there is nothing to
// add.
func fuzzyQuery(q []queryToken, seen []bool, langs []string, prefix bool) query.Query {
	var qs []query.Query
	for _, l := range langs {
		for i, t := range q {
			if seen[i] {
				continue
			}
			if t.fuzz > 0 {
				fq := query.NewFuzzyQuery(t.norm)
				fq.SetField(l + SuffixNorm)
				fq.SetFuzziness(t.fuzz)
				qs = append(qs, fq)
				// The stem catches a typo in an inflected short word
				// (догвора → договор) that is two edits from every form.
				// Long words have two edits on the form already, and a
				// distance-2 automaton costs a millisecond to build.
				if t.keyFuzz > 0 {
					fk := query.NewFuzzyQuery(t.key)
					fk.SetField(l + SuffixKey)
					fk.SetFuzziness(1)
					fk.SetBoost(0.8)
					qs = append(qs, fk)
				}
			}
			if prefix && i == len(q)-1 && t.runes >= minPrefixRunes {
				pq := query.NewPrefixQuery(t.norm)
				pq.SetField(l + SuffixNorm)
				pq.SetBoost(0.5)
				qs = append(qs, pq)
			}
		}
	}
	if len(qs) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(qs)
}

// wholeTermKeys returns the match keys a whole term equal to the query
// may have: the query's own, and the variants with a compound written
// apart (one adjacent pair joined by a hyphen) or together (every
// compound split).
func wholeTermKeys(q []queryToken) []string {
	keys := make([]string, len(q))
	split := false
	for i, t := range q {
		keys[i] = t.key
		split = split || strings.IndexByte(t.key, '-') > 0
	}
	out := []string{strings.Join(keys, " ")}
	for i := 0; i+1 < len(q) && len(out) < 8; i++ {
		if q[i].number || q[i+1].number {
			continue
		}
		v := append(append(append([]string(nil), keys[:i]...), keys[i]+"-"+keys[i+1]), keys[i+2:]...)
		out = append(out, strings.Join(v, " "))
	}
	if split {
		out = append(out, strings.ReplaceAll(out[0], "-", " "))
	}
	// English compounds written solid: peace-keeping finds peacekeeping.
	solid, has := slices.Clone(keys), false
	for i, t := range q {
		if t.solid != "" {
			solid[i], has = t.solid, true
		}
	}
	if has {
		out = append(out, strings.Join(solid, " "))
	}
	return out
}

func termQuery(field, term string, boost float64) query.Query {
	tq := query.NewTermQuery(term)
	tq.SetField(field)
	tq.SetBoost(boost)
	return tq
}
