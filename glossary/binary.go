package glossary

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
)

// A glossary and its matchers have a compact binary encoding, for
// caches (see check.GlossaryCache): decoding one is a few allocations,
// its strings slices of the encoded data, where parsing the glossary
// again and analysing its terms costs a second for a general dictionary.
// The encoding is not a file format: it may change with any version of
// this package, and a cache must record which version wrote it.
//
// Strings are a uvarint length and the bytes; numbers are uvarints. A
// glossary is its number of concepts and of terms, then each concept
// (ID, Domain, Definition, Note, Source, Context, Origin, its number of
// terms and each term: Text, Lang, Status, Type, Note, Origin, flags). A
// matcher is its language and number of terms, its edges (key, from,
// any+1, the number of exact edges and each: folded form, to), its
// nodes (for each, the number of terms ending there and their entry
// numbers) and its entries (term number in the glossary, 1-based; the
// number of units and each unit's case requirement, folded form and
// text).

// ErrCorrupt is returned by [DecodeBinary] and [DecodeMatcher] for data
// they did not write.
var ErrCorrupt = errors.New("corrupt glossary encoding")

const (
	flagCaseSensitive = 1 << iota
	flagExact
)

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendUint(b []byte, v int) []byte { return binary.AppendUvarint(b, uint64(v)) }

// AppendBinary appends g's encoding to b.
func (g *Glossary) AppendBinary(b []byte) ([]byte, error) {
	b = appendUint(b, len(g.Concepts))
	nTerms := 0
	for _, c := range g.Concepts {
		nTerms += len(c.Terms)
	}
	b = appendUint(b, nTerms)
	for _, c := range g.Concepts {
		for _, s := range []string{c.ID, c.Domain, c.Definition, c.Note, c.Source, c.Context, c.Origin} {
			b = appendString(b, s)
		}
		b = appendUint(b, len(c.Terms))
		for _, t := range c.Terms {
			for _, s := range []string{t.Text, t.Lang, string(t.Status), string(t.Type), t.Note, t.Origin} {
				b = appendString(b, s)
			}
			var fl byte
			if t.CaseSensitive {
				fl |= flagCaseSensitive
			}
			if t.Exact {
				fl |= flagExact
			}
			b = append(b, fl)
		}
	}
	return b, nil
}

// decoder reads the encoding from one string, so that what it returns
// shares the string's bytes rather than an allocation each. Errors
// stick: after the first, every read returns a zero value.
type decoder struct {
	s   string
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
	}
	d.err = ErrCorrupt
	return 0
}

// below reads a number that must be less than n.
func (d *decoder) below(n int) int {
	v := d.uint()
	if v >= uint64(n) {
		d.err = ErrCorrupt
		return 0
	}
	return int(v)
}

// count reads a length that must not exceed what is left of the input
// divided by the least bytes an element takes.
func (d *decoder) count(minBytes int) int {
	n := d.uint()
	if n > uint64(len(d.s)/minBytes) {
		d.err = ErrCorrupt
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1)
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.s) == 0 {
		d.err = ErrCorrupt
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

// DecodeBinary decodes a glossary [Glossary.AppendBinary] wrote at the
// start of data and returns it with the number of bytes read. The
// glossary's strings share data's bytes.
func DecodeBinary(data string) (g *Glossary, n int, err error) {
	d := &decoder{s: data}
	// A concept takes at least 8 bytes, a term at least 7.
	nc := d.count(8)
	nt := d.count(7)
	if d.err != nil {
		return nil, 0, d.err
	}
	// One allocation for all concepts and one for all terms.
	concepts := make([]Concept, nc)
	terms := make([]Term, nt)
	termPtrs := make([]*Term, nt)
	g = &Glossary{Concepts: make([]*Concept, nc)}
	used := 0
	for i := range concepts {
		c := &concepts[i]
		c.ID, c.Domain, c.Definition, c.Note, c.Source, c.Context, c.Origin = d.str(), d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		k := d.count(7)
		if d.err != nil || k > nt-used {
			return nil, 0, ErrCorrupt
		}
		if k > 0 {
			c.Terms = termPtrs[used : used+k : used+k]
		}
		for j := range k {
			t := &terms[used+j]
			t.Text, t.Lang = d.str(), d.str()
			t.Status, t.Type = Status(d.str()), Type(d.str())
			t.Note, t.Origin = d.str(), d.str()
			fl := d.byte()
			t.CaseSensitive, t.Exact = fl&flagCaseSensitive != 0, fl&flagExact != 0
			termPtrs[used+j] = t
		}
		used += k
		g.Concepts[i] = c
	}
	if d.err != nil {
		return nil, 0, d.err
	}
	if used != nt {
		return nil, 0, ErrCorrupt
	}
	return g, len(data) - len(d.s), nil
}

// AppendBinary appends m's encoding to b. It is read back by
// [DecodeMatcher] with the glossary m was built from.
func (m *Matcher) AppendBinary(b []byte) ([]byte, error) {
	b = appendString(b, m.lang)
	b = appendUint(b, m.terms)
	b = appendUint(b, len(m.concepts))
	b = appendString(b, m.blob)
	ref := func(b []byte, r strRef) []byte { return appendUint(appendUint(b, int(r.off)), int(r.n)) }
	b = appendUint(b, len(m.endAt)-1)
	for n := range len(m.endAt) - 1 {
		b = appendUint(b, int(m.endAt[n+1]-m.endAt[n]))
	}
	b = appendUint(b, len(m.edges))
	for _, e := range m.edges {
		b = ref(b, e.key)
		b = appendUint(b, int(e.from))
		b = appendUint(b, int(e.any+1))
		b = appendUint(b, int(e.norm+1))
	}
	b = appendUint(b, len(m.norms))
	for _, e := range m.norms {
		b = ref(b, e.norm)
		b = appendUint(b, int(e.to))
		b = appendUint(b, int(e.next+1))
	}
	b = appendUint(b, len(m.units))
	for _, u := range m.units {
		b = append(b, u.kind)
		b = appendUint(b, int(u.n))
		b = ref(b, u.pattern)
		b = ref(b, u.norm)
		b = ref(b, u.text)
	}
	b = appendUint(b, len(m.entries))
	for _, e := range m.entries {
		b = appendUint(b, int(e.concept))
		b = appendUint(b, int(e.term))
		b = appendUint(b, int(e.order))
		b = appendUint(b, int(e.unit))
		b = appendUint(b, int(e.n))
	}
	for _, e := range m.ends {
		b = appendUint(b, int(e))
	}
	return b, nil
}

// DecodeMatcher decodes a matcher [Matcher.AppendBinary] wrote at the
// start of data, for glossary g (the one it was built from, or one
// decoded from the same encoding), and returns it with the number of
// bytes read. The matcher's strings share data's bytes.
func DecodeMatcher(data string, g *Glossary) (m *Matcher, n int, err error) {
	d := &decoder{s: data}
	m = &Matcher{lang: d.str(), terms: d.count(1), seed: maphash.MakeSeed()}
	if d.count(1) != len(g.Concepts) {
		return nil, 0, ErrCorrupt
	}
	m.concepts = append([]*Concept(nil), g.Concepts...)
	m.blob = d.str()
	ref := func() strRef {
		off, n := d.uint(), d.uint()
		if off > uint64(len(m.blob)) || n > uint64(len(m.blob))-off {
			d.err = ErrCorrupt
			return strRef{}
		}
		return strRef{uint32(off), uint32(n)}
	}
	nodes := d.count(1)
	if d.err != nil || nodes == 0 {
		return nil, 0, ErrCorrupt
	}
	m.endAt = make([]int32, nodes+1)
	for n := range nodes {
		k := d.count(1)
		if int(m.endAt[n])+k > len(data) {
			return nil, 0, ErrCorrupt
		}
		m.endAt[n+1] = m.endAt[n] + int32(k)
	}
	m.edges = make([]trieEdge, d.count(5))
	for i := range m.edges {
		// norm is checked once the number of normEdges is known.
		m.edges[i] = trieEdge{key: ref(), from: int32(d.below(nodes)), any: int32(d.below(nodes+1)) - 1, norm: int32(d.uint()) - 1}
	}
	m.norms = make([]normEdge, d.count(4))
	for i := range m.norms {
		// A list runs to earlier elements only, so it has an end.
		m.norms[i] = normEdge{norm: ref(), to: int32(d.below(nodes)), next: int32(d.below(i+1)) - 1}
	}
	for _, e := range m.edges {
		if e.norm < -1 || int(e.norm) >= len(m.norms) {
			return nil, 0, ErrCorrupt
		}
	}
	m.units = make([]unitReq, d.count(9))
	for i := range m.units {
		u := &m.units[i]
		u.kind, u.n = d.byte(), int32(d.uint())
		u.pattern, u.norm, u.text = ref(), ref(), ref()
	}
	m.entries = make([]entry, d.count(5))
	for i := range m.entries {
		e := &m.entries[i]
		e.concept = int32(d.below(len(m.concepts)))
		if d.err != nil {
			return nil, 0, d.err
		}
		e.term = int32(d.below(len(m.concepts[e.concept].Terms)))
		e.order, e.unit = int32(d.uint()), int32(d.below(len(m.units)+1))
		e.n = int32(d.below(len(m.units) - int(e.unit) + 1))
		e.anyCase = true
		for _, u := range m.units[e.unit : e.unit+e.n] {
			e.anyCase = e.anyCase && u.kind == caseAny
		}
	}
	if int(m.endAt[nodes]) != len(m.entries) {
		return nil, 0, ErrCorrupt
	}
	m.ends = make([]int32, len(m.entries))
	for i := range m.ends {
		m.ends[i] = int32(d.below(len(m.entries)))
	}
	if d.err != nil {
		return nil, 0, d.err
	}
	m.rehash(4 * len(m.edges))
	return m, len(data) - len(d.s), nil
}
