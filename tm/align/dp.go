package align

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// bead is a step of the alignment path: di source and dj target
// sentences that translate each other.
type bead struct{ di, dj int }

// beads are the step types the aligner considers, 1-1 first.
var beads = [...]bead{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}}

// params are the weights of the cost model. The costs are negative log
// probabilities, so the forward–backward pass turns them into posterior
// probabilities of each pair.
type params struct {
	prior    [len(beads)]float64 // probability of each bead type
	s2       float64             // variance of target length per source character (Gale–Church)
	match    float64             // reward per unit of weight of an anchor found on both sides
	miss     float64             // penalty per unit of weight of an anchor found on one side only
	cross    float64             // penalty per paragraph boundary inside one side of a bead
	boundary float64             // penalty for pairing on across a paragraph end of one side only
	temp     float64             // temperature of the posterior
	weak     float64             // reward per weak sentence end inside one side of a bead (see unit.weak)
	weakEnd  float64             // penalty per side of a bead that ends at a weak sentence end
}

// defaultParams were set on the FLORES-200 and Bleualign development
// material and left alone for the test documents (see the README).
var defaultParams = params{
	prior:    [len(beads)]float64{0.83, 0.03, 0.03, 0.045, 0.045, 0.01, 0.005, 0.005},
	s2:       6.8,
	match:    2.5,
	miss:     0.7,
	cross:    2.0,
	boundary: 1.0,
	temp:     1.5,
	weak:     0.5,
	weakEnd:  0.5,
}

// unit is what the cost model knows of one sentence.
type unit struct {
	length  float64 // characters
	anchors []int32 // sorted anchor IDs, present in both texts
	paraEnd bool    // last sentence of its paragraph (or of the text)
	// weak marks a sentence end that is hardly one: the sentence ends in
	// a semicolon or a comma, or the next one starts in lower case or
	// with closing punctuation. Segmenters (and OCR) split there in one
	// language and not in the other, so the next sentence most likely
	// belongs to the same bead.
	weak bool
}

type model struct {
	p        params
	prior    [len(beads)]float64 // -log prior
	src, tgt []unit
	weight   []float64 // per anchor ID
	ratio    float64   // target characters per source character
	// mismatched is set when one text is more than twice as long as a
	// translation of the other would be; the band is never widened then.
	mismatched bool

	// srcSets[d-1][i] and tgtSets[d-1][i] are the anchors of sentences
	// i..i+d-1 (see mergeSets).
	srcSets, tgtSets [maxSide][][]int32
	// srcWeights and tgtWeights are the summed weights of those sets.
	srcWeights, tgtWeights [maxSide][]float64

	// srcWords and tgtWords are the word IDs of every sentence, sorted,
	// for the lexicon (see learnLexicon).
	srcWords, tgtWords [][]int32

	// spare is a lattice no longer needed, whose tables the next forward
	// pass may reuse (a second pass, a wider band).
	spare *lattice
}

func newModel(src, tgt []Sentence, opts Options, p params) *model {
	m := &model{p: p}
	for k, pr := range p.prior {
		m.prior[k] = -math.Log(pr)
	}
	ids := map[string]int32{}
	wordIDs := map[string]int32{}
	var dfS, dfT []int
	raw := func(ss []Sentence, l lang.Lang, df *[]int, words *[][]int32) [][]int32 {
		found := findAnchors(ss, l, opts)
		out := make([][]int32, len(ss))
		*words = make([][]int32, len(ss))
		for i := range ss {
			ws := make([]int32, 0, len(found[i].words))
			set := make([]int32, 0, len(found[i].anchors))
			for _, w := range found[i].words {
				id, ok := wordIDs[w]
				if !ok {
					id = int32(len(wordIDs))
					wordIDs[w] = id
				}
				ws = append(ws, id)
			}
			for _, name := range found[i].anchors {
				id, ok := ids[name]
				if !ok {
					id = int32(len(ids))
					ids[name] = id
					dfS = append(dfS, 0)
					dfT = append(dfT, 0)
				}
				set = append(set, id)
			}
			set = uniq(set)
			for _, id := range set {
				(*df)[id]++
			}
			out[i] = set
			(*words)[i] = uniq(ws)
		}
		return out
	}
	as := raw(src, opts.SourceLang, &dfS, &m.srcWords)
	at := raw(tgt, opts.TargetLang, &dfT, &m.tgtWords)
	m.weight = make([]float64, len(ids))
	for id := range m.weight {
		if dfS[id] > 0 && dfT[id] > 0 {
			m.weight[id] = 1 / math.Sqrt(float64(max(dfS[id], dfT[id])))
		}
	}
	m.src = m.units(src, as)
	m.tgt = m.units(tgt, at)
	m.mergeSets()
	var ls, lt float64
	for _, u := range m.src {
		ls += u.length
	}
	for _, u := range m.tgt {
		lt += u.length
	}
	// The pair's own length ratio, drawn towards the usual ratio of the
	// two languages by a prior worth priorChars source characters, so a
	// short text with an omission does not pass its omission off as a
	// shorter language; kept within what translation between European
	// languages allows, so a pair ten times longer on one side comes out
	// as low-confidence rather than as a plausible ratio.
	r0 := usualRatio(opts.SourceLang, opts.TargetLang)
	measured := (lt + priorChars*r0) / (ls + priorChars)
	m.ratio = min(max(measured, 0.5), 2.0)
	// Texts whose lengths differ beyond that are not translations of
	// each other, whatever the search finds: it runs in its first band
	// only, so that it stays fast and small (see search).
	m.mismatched = measured/r0 < 0.5 || measured/r0 > 2
	return m
}

// priorChars is the weight, in source characters, of the usual length
// ratio against the ratio measured on the pair.
const priorChars = 1500

// usualRatio returns the usual number of target characters per source
// character: English runs about 8% shorter than Russian (FLORES-200,
// UD PUD and TICO-19 give 0.93, 0.95 and 0.86).
func usualRatio(src, tgt lang.Lang) float64 {
	switch {
	case src == lang.RU && tgt == lang.EN:
		return 0.92
	case src == lang.EN && tgt == lang.RU:
		return 1 / 0.92
	}
	return 1
}

// found is what the anchorers found in one sentence: anchor names and,
// for the lexicon (see learnLexicon), the matching keys of its words.
type found struct {
	anchors, words []string
}

// findAnchors runs the anchorers over the sentences: the built-in ones
// (unless opts.NoBuiltinAnchors), from one analysis of each sentence, and
// the caller's (opts.ConcurrentAnchorers) on all CPUs, since analysis is
// most of the time of a long alignment; anchorers not declared safe for
// concurrent use run in this goroutine.
func findAnchors(ss []Sentence, l lang.Lang, opts Options) []found {
	out := make([]found, len(ss))
	workers := min(runtime.GOMAXPROCS(0), 1+len(ss)/64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names := map[string][]string{}
			for i := w; i < len(ss); i += workers {
				s := &ss[i]
				if !opts.NoBuiltinAnchors {
					toks := s.Tokens
					if toks == nil {
						toks = lang.Analyze(s.Text)
					}
					out[i].anchors = tokenAnchors(s.Text, toks, names, out[i].anchors)
					out[i].words = wordKeys(toks, out[i].words)
				}
				if opts.ConcurrentAnchorers {
					for _, a := range opts.Anchorers {
						out[i].anchors = append(out[i].anchors, a.Anchors(s.Text, l)...)
					}
				}
			}
		}()
	}
	wg.Wait()
	if !opts.ConcurrentAnchorers {
		for i := range ss {
			for _, a := range opts.Anchorers {
				out[i].anchors = append(out[i].anchors, a.Anchors(ss[i].Text, l)...)
			}
		}
	}
	return out
}

func (m *model) units(ss []Sentence, anchors [][]int32) []unit {
	us := make([]unit, len(ss))
	// A sentence in lower case is a continuation only in a text whose
	// sentences start in capitals (not in a lower-cased corpus, nor in a
	// script without case).
	lower := 0
	for _, s := range ss {
		if startsLower(s.Text) {
			lower++
		}
	}
	caseful := lower*4 < len(ss)
	for i, s := range ss {
		var keep []int32
		for _, id := range anchors[i] {
			if m.weight[id] > 0 {
				keep = append(keep, id)
			}
		}
		us[i] = unit{
			length:  float64(utf8.RuneCountInString(s.Text)) + 1,
			anchors: keep,
			paraEnd: i == len(ss)-1 || ss[i+1].Para != s.Para,
		}
		us[i].weak = !us[i].paraEnd && weakEnd(s.Text, ss[i+1].Text, caseful)
	}
	return us
}

// weakEnd reports whether the end of sentence s before next is a weak
// one (see unit.weak); caseful says whether a next sentence in lower case
// counts.
func weakEnd(s, next string, caseful bool) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(next, unicode.IsSpace))
	return caseful && unicode.IsLower(r) || strings.ContainsRune("»”),;", r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	return unicode.IsLower(r)
}

func uniq(s []int32) []int32 {
	if len(s) < 2 {
		return s
	}
	slices.Sort(s)
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// lengthCost is −log P(|δ|) of Gale and Church: the two-tailed
// probability of a standard normal deviate at least as large.
func lengthCost(delta float64) float64 {
	x := math.Abs(delta)
	if x < lengthTableMax {
		f := x * lengthTableStep
		k := int(f)
		return lengthTable[k] + (f-float64(k))*(lengthTable[k+1]-lengthTable[k])
	}
	return exactLengthCost(x)
}

// lengthTable tabulates exactLengthCost for |δ| < lengthTableMax, every
// 1/lengthTableStep: erfc and log are most of the search's time
// otherwise, and linear interpolation is accurate to 1e-5.
const (
	lengthTableMax  = 16
	lengthTableStep = 64
)

var lengthTable = func() []float64 {
	t := make([]float64, lengthTableMax*lengthTableStep+2)
	for k := range t {
		t[k] = exactLengthCost(float64(k) / lengthTableStep)
	}
	return t
}()

func exactLengthCost(x float64) float64 {
	if x < 30 {
		if p := math.Erfc(x / math.Sqrt2); p > 1e-300 {
			return -math.Log(p)
		}
	}
	return x*x/2 + math.Log(x) + 0.5*math.Log(math.Pi/2)
}

// delta is the Gale–Church length deviate of ls source and lt target
// characters.
func (m *model) delta(ls, lt float64) float64 {
	return (lt - m.ratio*ls) / math.Sqrt(m.p.s2*(m.ratio*ls+lt)/2)
}

// cost is the cost of bead k taking source sentences [i0, i0+di) and
// target sentences [j0, j0+dj).
func (m *model) cost(i0, j0, k int) float64 {
	b := beads[k]
	c := m.prior[k]
	if b.di == 0 || b.dj == 0 {
		return c
	}
	src, tgt := m.src[i0:i0+b.di], m.tgt[j0:j0+b.dj]
	var ls, lt float64
	for x := range src {
		ls += src[x].length
		if x < len(src)-1 {
			if src[x].paraEnd {
				c += m.p.cross
			}
			if src[x].weak {
				c -= m.p.weak
			}
		}
	}
	for y := range tgt {
		lt += tgt[y].length
		if y < len(tgt)-1 {
			if tgt[y].paraEnd {
				c += m.p.cross
			}
			if tgt[y].weak {
				c -= m.p.weak
			}
		}
	}
	if src[len(src)-1].weak {
		c += m.p.weakEnd
	}
	if tgt[len(tgt)-1].weak {
		c += m.p.weakEnd
	}
	c += lengthCost(m.delta(ls, lt))
	matched, missed := m.anchorScore(m.srcSets[b.di-1][i0], m.tgtSets[b.dj-1][j0], m.srcWeights[b.di-1][i0], m.tgtWeights[b.dj-1][j0])
	return c - m.p.match*matched + m.p.miss*missed
}

// band is the part of the (n+1)×(m+1) lattice the search visits: for
// every source position i, the target positions lo[i]..hi[i].
type band struct {
	lo, hi, off []int
	size        int
}

func (b *band) index(i, j int) int {
	if j < b.lo[i] || j > b.hi[i] {
		return -1
	}
	return b.off[i] + j - b.lo[i]
}

// group is a block of the lattice the path is expected to cross: source
// sentences [s0, s1) against target sentences [t0, t1).
type group struct{ s0, s1, t0, t1 int }

// newBand lays a band of half-width w around the expected path: inside
// every group of the guide, the diagonal drawn through the cumulative
// character counts of the two sides, so that a side with many short
// sentences still gets a band where the path runs. With no paragraph
// guide the one group is the whole lattice.
func (m *model) newBand(w int, guide []group) band {
	n, nt := len(m.src), len(m.tgt)
	cumS := make([]float64, n+1)
	for i, u := range m.src {
		cumS[i+1] = cumS[i] + u.length
	}
	cumT := make([]float64, nt+1)
	for j, u := range m.tgt {
		cumT[j+1] = cumT[j] + u.length
	}
	cmin := make([]int, n+1)
	cmax := make([]int, n+1)
	for i := range cmin {
		cmin[i], cmax[i] = nt, 0
	}
	see := func(i, c int) {
		cmin[i] = min(cmin[i], c)
		cmax[i] = max(cmax[i], c)
	}
	for _, g := range guide {
		if g.s1 == g.s0 {
			see(g.s0, g.t0)
			see(g.s0, g.t1)
			continue
		}
		j := g.t0
		totS, totT := cumS[g.s1]-cumS[g.s0], cumT[g.t1]-cumT[g.t0]
		for i := g.s0; i <= g.s1; i++ {
			want := cumT[g.t0] + (cumS[i]-cumS[g.s0])/totS*totT
			for j < g.t1 && cumT[j+1] <= want {
				j++
			}
			c := j
			if j < g.t1 && want-cumT[j] > cumT[j+1]-want {
				c = j + 1
			}
			if i == g.s1 {
				c = g.t1
			}
			see(i, c)
		}
	}
	b := band{lo: make([]int, n+1), hi: make([]int, n+1), off: make([]int, n+1)}
	for i := 0; i <= n; i++ {
		lo, hi := max(0, cmin[i]-w), min(nt, cmax[i]+w)
		if i == 0 {
			lo = 0
		} else {
			// Rows must overlap so that every row is reachable, and
			// move monotonically like the path itself.
			lo = min(max(lo, b.lo[i-1]), b.hi[i-1])
			hi = max(hi, b.hi[i-1])
		}
		if i == n {
			hi = nt
		}
		b.lo[i], b.hi[i] = lo, hi
		b.off[i] = b.size
		b.size += hi - lo + 1
	}
	return b
}

// lattice holds the three passes over one band. Each node has two
// states: entered by a pairing bead (0) or by a gap bead, 1-0 or 0-1 (1).
// A pairing bead that leaves a node where one text is at a paragraph end
// and the other is not costs the boundary penalty, unless the node was
// entered by a gap: the paragraphs of the two texts should end together,
// except where a sentence at the end or the start of a paragraph was
// left out, which is exactly what the gap explains.
type lattice struct {
	band
	costs []float32 // cost of bead k into node c at costs[c*len(beads)+k]
	best  []float64 // Viterbi cost to reach state s of node c, at [2c+s]
	back  []uint8   // bead (k<<1 | previous state) on the best path into [2c+s]
	fwd   []float64 // −log of the summed probability of all paths to [2c+s]
	bwd   []float64 // −log of the summed probability of all paths from [2c+s]
	split []bool    // node c is at a paragraph end in one text only
}

func logSumCost(vals []float64, temp float64) float64 {
	lo := math.Inf(1)
	for _, v := range vals {
		lo = min(lo, v)
	}
	if math.IsInf(lo, 1) {
		return lo
	}
	// Terms more than expSkip·temp above the least add less than half an
	// ulp to a sum that is at least 1 (the least's own term): skipping
	// them leaves the result bit for bit the same.
	var s float64
	cut := lo + expSkip*temp
	for _, v := range vals {
		switch {
		case v == lo:
			s++ // exp(0), exactly: the least's own term costs no call
		case v <= cut:
			s += math.Exp(-(v - lo) / temp)
		}
	}
	if s == 1 {
		return lo
	}
	return lo - temp*math.Log(s)
}

// expSkip is where exp(−x) drops under 2⁻⁵³, half an ulp of 1.
const expSkip = 37

func isGap(k int) bool { return beads[k].di == 0 || beads[k].dj == 0 }

// stateAfter is the state of the node bead k leads into.
func stateAfter(k int) int {
	if isGap(k) {
		return 1
	}
	return 0
}

// penalty is the boundary cost of taking bead k out of state s of node c.
func (m *model) penalty(L *lattice, c, s, k int) float64 {
	if s == 0 && !isGap(k) && L.split[c] {
		return m.p.boundary
	}
	return 0
}

// newLattice returns a lattice for band b, with the tables of m.spare
// when they are large enough. Every cell of best, back, fwd and split is
// written by forward before it is read, and a cost only where a bead
// exists, which is the only place it is read, so reused tables need no
// clearing but for the start node's.
func (m *model) newLattice(b band) *lattice {
	L := &lattice{band: b}
	if sp := m.spare; sp != nil && cap(sp.best) >= 2*b.size && cap(sp.costs) >= b.size*len(beads) {
		m.spare = nil
		L.best, L.back, L.fwd = sp.best[:2*b.size], sp.back[:2*b.size], sp.fwd[:2*b.size]
		L.costs, L.split = sp.costs[:b.size*len(beads)], sp.split[:b.size]
		L.best[0], L.fwd[0], L.back[0], L.back[1] = 0, 0, 0, 0
		return L
	}
	L.best, L.back, L.fwd = make([]float64, 2*b.size), make([]uint8, 2*b.size), make([]float64, 2*b.size)
	L.costs, L.split = make([]float32, b.size*len(beads)), make([]bool, b.size)
	return L
}

// forward fills costs, best, back and fwd.
func (m *model) forward(b band) *lattice {
	n, nt := len(m.src), len(m.tgt)
	L := m.newLattice(b)
	for i := 0; i <= n; i++ {
		sb := i == 0 || i == n || m.src[i-1].paraEnd
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			tb := j == 0 || j == nt || m.tgt[j-1].paraEnd
			L.split[b.off[i]+j-b.lo[i]] = sb != tb
		}
	}
	inf := math.Inf(1)
	var sums [2][2 * len(beads)]float64
	for i := 0; i <= n; i++ {
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			c := b.off[i] + j - b.lo[i]
			if i == 0 && j == 0 {
				L.best[1] = inf // start in state 0 only
				L.fwd[1] = inf
				continue
			}
			best := [2]float64{inf, inf}
			var arg [2]uint8
			var ns [2]int
			for k, bd := range beads {
				pi, pj := i-bd.di, j-bd.dj
				if pi < 0 || pj < 0 {
					continue
				}
				pc := b.index(pi, pj)
				if pc < 0 {
					continue
				}
				bc := m.cost(pi, pj, k)
				L.costs[c*len(beads)+k] = float32(bc)
				to := stateAfter(k)
				for s := 0; s < 2; s++ {
					if math.IsInf(L.best[2*pc+s], 1) {
						continue
					}
					pen := bc + m.penalty(L, pc, s, k)
					if v := L.best[2*pc+s] + pen; v < best[to] {
						best[to], arg[to] = v, uint8(k<<1|s)
					}
					sums[to][ns[to]] = L.fwd[2*pc+s] + pen
					ns[to]++
				}
			}
			for to := 0; to < 2; to++ {
				L.best[2*c+to], L.back[2*c+to] = best[to], arg[to]
				L.fwd[2*c+to] = logSumCost(sums[to][:ns[to]], m.p.temp)
			}
		}
	}
	return L
}

// backward fills bwd.
func (m *model) backward(L *lattice) {
	b := L.band
	n, nt := len(m.src), len(m.tgt)
	L.bwd = make([]float64, 2*b.size)
	var sums [2 * len(beads)]float64
	for i := n; i >= 0; i-- {
		for j := b.hi[i]; j >= b.lo[i]; j-- {
			c := b.off[i] + j - b.lo[i]
			if i == n && j == nt {
				continue
			}
			for s := 0; s < 2; s++ {
				ns := 0
				for k, bd := range beads {
					ni, nj := i+bd.di, j+bd.dj
					if ni > n || nj > nt {
						continue
					}
					nc := b.index(ni, nj)
					if nc < 0 {
						continue
					}
					sums[ns] = float64(L.costs[nc*len(beads)+k]) + m.penalty(L, c, s, k) + L.bwd[2*nc+stateAfter(k)]
					ns++
				}
				L.bwd[2*c+s] = logSumCost(sums[:ns], m.p.temp)
			}
		}
	}
}

// step is bead k from state s of node (i-di, j-dj) to node (i, j).
type step struct{ i, j, k, s int }

// path traces the best path back from the end, in document order, and
// reports whether it runs along the edge of the band anywhere (so the
// band may have cut off a better path).
func (L *lattice) path(n, nt int) (steps []step, edge bool) {
	i, j := n, nt
	end := L.index(n, nt)
	state := 0
	if L.best[2*end+1] < L.best[2*end] {
		state = 1
	}
	for i > 0 || j > 0 {
		c := L.index(i, j)
		k, s := int(L.back[2*c+state]>>1), int(L.back[2*c+state]&1)
		if (j == L.lo[i] && L.lo[i] > 0) || (j == L.hi[i] && L.hi[i] < nt) {
			edge = true
		}
		steps = append(steps, step{i, j, k, s})
		i, j, state = i-beads[k].di, j-beads[k].dj, s
	}
	for a, z := 0, len(steps)-1; a < z; a, z = a+1, z-1 {
		steps[a], steps[z] = steps[z], steps[a]
	}
	return steps, edge
}

// Align aligns two lists of sentences, source and target, and returns
// the pairs in document order; every sentence is in exactly one pair.
//
// The search is dynamic programming over beads 1-1, 1-0, 0-1, 2-1, 1-2,
// 2-2, 3-1 and 1-3 with a cost that adds the Gale–Church length
// deviation (the length ratio measured on the pair, drawn towards the
// usual ratio of the two languages), the anchors the two sides share or
// do not share (see [Anchorer]), and paragraph structure: a bead that
// spans a paragraph boundary, or pairs on across a paragraph end of one
// side only (not explained by an omission or addition), costs more. The
// search runs in a band around the aligned paragraphs and widens the
// band when the best path touches its edge, so time and memory grow
// linearly with the texts; a second pass adds a lexicon learnt from the
// first (see the package documentation). Each pair's confidence is its
// posterior probability (forward–backward over the band) times how
// plausible its length ratio is.
func Align(src, tgt []Sentence, opts Options) []Pair {
	return alignWith(src, tgt, opts, defaultParams)
}

func alignWith(src, tgt []Sentence, opts Options, p params) []Pair {
	low := opts.LowConfidence
	if low == 0 {
		low = DefaultLowConfidence
	}
	n, nt := len(src), len(tgt)
	if n == 0 || nt == 0 {
		var out []Pair
		for i := range src {
			out = append(out, Pair{Source: []int{i}, Target: []int{}, Confidence: 1})
		}
		for j := range tgt {
			out = append(out, Pair{Source: []int{}, Target: []int{j}, Confidence: 1})
		}
		return out
	}
	m := newModel(src, tgt, opts, p)
	if opts.ctx != nil && opts.ctx.Err() != nil {
		return nil
	}
	maxCells := opts.MaxCells
	if maxCells <= 0 {
		maxCells = DefaultMaxCells
	}
	chain := m.anchorChain()
	guide, w := chainGuide(chain, n, nt), 30
	if g := m.paragraphGuide(src, tgt, chain, maxCells); g != nil {
		guide, w = g, 5
	}
	L, steps := m.search(guide, w, maxCells)
	if opts.ctx != nil && opts.ctx.Err() != nil {
		return nil // AlignTextsContext reports ctx's error
	}
	if m.learnLexicon(L, steps) > 0 {
		m.spare = L // the second pass reuses the first one's tables
		// Second pass with the lexicon's anchors, in a band around the
		// first path.
		var chain [][2]int
		for _, s := range steps {
			if s.i < n && s.j < nt {
				chain = append(chain, [2]int{s.i, s.j})
			}
		}
		L, steps = m.search(chainGuide(chain, n, nt), 4, maxCells)
	}
	if L.bwd == nil {
		m.backward(L)
	}
	end := L.index(n, nt)
	total := logSumCost([]float64{L.fwd[2*end], L.fwd[2*end+1]}, p.temp)
	out := make([]Pair, 0, len(steps))
	for _, s := range steps {
		bd := beads[s.k]
		pi, pj := s.i-bd.di, s.j-bd.dj
		pc, c := L.index(pi, pj), L.index(s.i, s.j)
		bc := float64(L.costs[c*len(beads)+s.k]) + m.penalty(L, pc, s.s, s.k)
		post := math.Exp(-(L.fwd[2*pc+s.s] + bc + L.bwd[2*c+stateAfter(s.k)] - total) / p.temp)
		conf := min(post, 1)
		if bd.di > 0 && bd.dj > 0 {
			conf *= m.lengthFit(pi, pj, bd)
		}
		pr := Pair{Source: seq(pi, bd.di), Target: seq(pj, bd.dj), Confidence: round3(conf)}
		pr.Low = pr.Confidence < low
		out = append(out, pr)
	}
	return out
}

// lengthFit is 1 for a pair whose lengths agree as well as translations
// usually do (|δ| ≤ 2.5) and falls off beyond, so that a bead the search
// had to accept (the texts are not translations) is not reported as sure.
func (m *model) lengthFit(i0, j0 int, bd bead) float64 {
	var ls, lt float64
	for _, u := range m.src[i0 : i0+bd.di] {
		ls += u.length
	}
	for _, u := range m.tgt[j0 : j0+bd.dj] {
		lt += u.length
	}
	d := math.Abs(m.delta(ls, lt))
	if d <= 2.5 {
		return 1
	}
	return math.Exp(-(d - 2.5) * (d - 2.5) / 2)
}

func seq(start, n int) []int {
	s := make([]int, n)
	for k := range s {
		s[k] = start + k
	}
	return s
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// anchorScore returns the weight of the anchors the two sides of a bead
// share and of those found on one side only, given the sets and their
// total weights: only the shared ones need finding.
func (m *model) anchorScore(a, b []int32, wa, wb float64) (matched, missed float64) {
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] < b[0] || b[len(b)-1] < a[0] {
		return 0, wa + wb
	}
	// A merge without unpredictable branches: both indexes advance by
	// comparisons turned into 0 or 1 (the sets are short and their order
	// random, so a branch per element is mispredicted half the time).
	x, y := 0, 0
	for x < len(a) && y < len(b) {
		av, bv := a[x], b[y]
		if av == bv {
			matched += m.weight[av]
		}
		x += b2i(av <= bv)
		y += b2i(bv <= av)
	}
	return matched, max(wa+wb-2*matched, 0)
}

// b2i is 1 for true and 0 for false, compiled without a branch.
func b2i(b bool) int {
	var i int
	if b {
		i = 1
	}
	return i
}

// maxSide is the most sentences one side of a bead takes.
const maxSide = 3

// mergeSets fills srcSets and tgtSets: the anchors of every run of one
// to maxSide sentences, merged once here rather than in every bead cost;
// and their weights, so m.weight must be final.
func (m *model) mergeSets() {
	build := func(us []unit) [maxSide][][]int32 {
		var sets [maxSide][][]int32
		total := 0
		for _, u := range us {
			total += len(u.anchors)
		}
		for d := 1; d <= maxSide; d++ {
			sets[d-1] = make([][]int32, len(us))
			if d == 1 {
				for i := range us {
					sets[0][i] = us[i].anchors
				}
				continue
			}
			// One backing array for all the runs of d sentences (each
			// anchor is in at most d of them), not one per run.
			arena := make([]int32, 0, d*total)
			for i := 0; i+d <= len(us); i++ {
				from := len(arena)
				arena = m.gather(arena, us[i:i+d])
				sets[d-1][i] = arena[from:len(arena):len(arena)]
			}
		}
		return sets
	}
	m.srcSets, m.tgtSets = build(m.src), build(m.tgt)
	sum := func(sets [maxSide][][]int32) (out [maxSide][]float64) {
		for d := range sets {
			out[d] = make([]float64, len(sets[d]))
			for i, set := range sets[d] {
				for _, id := range set {
					out[d][i] += m.weight[id]
				}
			}
		}
		return out
	}
	m.srcWeights, m.tgtWeights = sum(m.srcSets), sum(m.tgtSets)
}

// gather appends to buf the union of the sorted anchor sets of us,
// sorted and without duplicates; what buf held before is left alone.
func (m *model) gather(buf []int32, us []unit) []int32 {
	if len(us) == 0 {
		return buf
	}
	start := len(buf)
	buf = append(buf, us[0].anchors...)
	for _, u := range us[1:] {
		if len(u.anchors) == 0 {
			continue
		}
		// Merge in place from the back: grow buf, then fill from the end.
		na, nb := len(buf), len(u.anchors)
		buf = append(buf, u.anchors...)
		x, y, k := na-1, nb-1, na+nb-1
		for y >= 0 {
			if x >= start && buf[x] > u.anchors[y] {
				buf[k] = buf[x]
				x--
			} else {
				buf[k] = u.anchors[y]
				y--
			}
			k--
		}
		out := buf[:start+1]
		for _, v := range buf[start+1:] {
			if v != out[len(out)-1] {
				out = append(out, v)
			}
		}
		buf = out
	}
	return buf
}

// search runs the forward pass in a band of half-width w around the
// guide, doubling w while the best path runs along the band's edge (and
// the band stays under maxCells), and returns the lattice and the path.
func (m *model) search(guide []group, w, maxCells int) (*lattice, []step) {
	n, nt := len(m.src), len(m.tgt)
	b := m.newBand(w, guide)
	L := m.forward(b)
	steps, edge := L.path(n, nt)
	for edge && !m.mismatched && b.size < (n+1)*(nt+1) {
		w *= 2
		nb := m.newBand(w, guide)
		if nb.size > maxCells {
			break
		}
		m.spare = L
		L = m.forward(nb)
		b = nb
		steps, edge = L.path(n, nt)
	}
	return L, steps
}

// paragraphGuide aligns the paragraphs of the two texts with the same
// model — a paragraph is a unit with the summed length and the union of
// the anchors of its sentences — and returns the aligned paragraph
// groups as sentence blocks, or nil when either text has fewer than three
// paragraphs or both have paragraphs of hardly more than one sentence.
func (m *model) paragraphGuide(src, tgt []Sentence, chain [][2]int, maxCells int) []group {
	ps, pt := paraStarts(src), paraStarts(tgt)
	if len(ps) < 3 || len(pt) < 3 || 2*len(ps) > 3*len(src) && 2*len(pt) > 3*len(tgt) {
		return nil
	}
	pm := &model{p: m.p, prior: m.prior, weight: m.weight, ratio: m.ratio, mismatched: m.mismatched}
	pm.p.cross, pm.p.boundary = 0, 0
	merge := func(us []unit, starts []int) []unit {
		out := make([]unit, len(starts)-1)
		for k := range out {
			block := us[starts[k]:starts[k+1]]
			var u unit
			for _, x := range block {
				u.length += x.length
			}
			u.anchors = append([]int32(nil), m.gather(nil, block)...)
			u.paraEnd = true
			out[k] = u
		}
		return out
	}
	pm.src, pm.tgt = merge(m.src, ps), merge(m.tgt, pt)
	pm.mergeSets()
	// The anchor chain, in paragraph coordinates, guides this search.
	paraOf := func(starts []int, i int) int { return sort.SearchInts(starts, i+1) - 1 }
	var pchain [][2]int
	for _, c := range chain {
		p := [2]int{paraOf(ps, c[0]), paraOf(pt, c[1])}
		if len(pchain) == 0 || p[0] > pchain[len(pchain)-1][0] && p[1] > pchain[len(pchain)-1][1] {
			pchain = append(pchain, p)
		}
	}
	_, steps := pm.search(chainGuide(pchain, len(pm.src), len(pm.tgt)), 6, maxCells)
	guide := make([]group, 0, len(steps))
	for _, s := range steps {
		bd := beads[s.k]
		guide = append(guide, group{ps[s.i-bd.di], ps[s.i], pt[s.j-bd.dj], pt[s.j]})
	}
	return guide
}

// paraStarts returns the index of the first sentence of every paragraph
// and, last, the number of sentences.
func paraStarts(ss []Sentence) []int {
	var out []int
	for i, s := range ss {
		if i == 0 || s.Para != ss[i-1].Para {
			out = append(out, i)
		}
	}
	return append(out, len(ss))
}

// anchorChain returns sentence pairs (i, j) that share a rare anchor
// (one that occurs as often in the source as in the target, at most four
// times: its k-th occurrences are paired), keeping the longest chain that
// runs forward in both texts: fixed points the path almost surely passes
// near, found in O(n log n) before any search.
func (m *model) anchorChain() [][2]int {
	const maxOcc = 4
	occ := func(us []unit) [][]int32 {
		p := make([][]int32, len(m.weight))
		for i, u := range us {
			for _, a := range u.anchors {
				if len(p[a]) <= maxOcc {
					p[a] = append(p[a], int32(i))
				}
			}
		}
		return p
	}
	os, ot := occ(m.src), occ(m.tgt)
	var pts [][2]int
	for a := range os {
		if len(os[a]) > 0 && len(os[a]) == len(ot[a]) && len(os[a]) <= maxOcc {
			for k := range os[a] {
				pts = append(pts, [2]int{int(os[a][k]), int(ot[a][k])})
			}
		}
	}
	slices.SortFunc(pts, func(a, b [2]int) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(b[1], a[1]) // so that one i never contributes twice
	})
	// Longest strictly increasing subsequence in j (patience sorting).
	var tails []int // index into pts of the smallest tail of each length
	prev := make([]int, len(pts))
	for k, p := range pts {
		x := sort.Search(len(tails), func(t int) bool { return pts[tails[t]][1] >= p[1] })
		if x > 0 {
			prev[k] = tails[x-1]
		} else {
			prev[k] = -1
		}
		if x == len(tails) {
			tails = append(tails, k)
		} else {
			tails[x] = k
		}
	}
	if len(tails) == 0 {
		return nil
	}
	chain := make([][2]int, len(tails))
	for k, x := len(tails)-1, tails[len(tails)-1]; k >= 0; k, x = k-1, prev[x] {
		chain[k] = pts[x]
	}
	return chain
}

// chainGuide turns fixed points into the groups between them; with no
// points the one group is the whole lattice.
func chainGuide(chain [][2]int, n, nt int) []group {
	var g []group
	i0, j0 := 0, 0
	for _, c := range chain {
		if c[0] < i0 || c[1] < j0 || c[0] > n || c[1] > nt {
			continue
		}
		if c[0] == i0 && c[1] == j0 {
			continue
		}
		g = append(g, group{i0, c[0], j0, c[1]})
		i0, j0 = c[0], c[1]
	}
	return append(g, group{i0, n, j0, nt})
}
