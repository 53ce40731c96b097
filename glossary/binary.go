package glossary

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"slices"
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

// encoder writes the encoding in two passes: the first (sizing) only
// counts the bytes, so that the second appends to a buffer grown once
// rather than copied at each doubling (megabytes for a large glossary,
// each a page fault and a copy). An encoder with a writer (see
// writeEncoded) makes one pass instead and hands its buffer to w each
// time it fills.
type encoder struct {
	b      []byte
	sizing bool
	n      int // the bytes counted while sizing
	w      io.Writer
	err    error // the first error of w
}

// room makes room for n more bytes in the buffer of an encoder with a
// writer, writing out what it holds when they would not fit.
func (e *encoder) room(n int) {
	if e.w != nil && len(e.b)+n > cap(e.b) {
		e.flush()
	}
}

// flush writes out the buffer of an encoder with a writer.
func (e *encoder) flush() {
	if e.err == nil && len(e.b) > 0 {
		_, e.err = e.w.Write(e.b)
	}
	e.b = e.b[:0]
}

func (e *encoder) uint(v int) {
	if e.sizing {
		e.n += uvarintLen(uint64(v))
		return
	}
	e.room(binary.MaxVarintLen64)
	e.b = binary.AppendUvarint(e.b, uint64(v))
}

func (e *encoder) str(s string) {
	e.uint(len(s))
	if e.sizing {
		e.n += len(s)
		return
	}
	// A string longer than the room left (a matcher's blob is
	// megabytes) goes out in buffer-sized pieces.
	for e.w != nil && len(e.b)+len(s) > cap(e.b) {
		k := cap(e.b) - len(e.b)
		e.b = append(e.b, s[:k]...)
		s = s[k:]
		e.flush()
	}
	e.b = append(e.b, s...)
}

func (e *encoder) byte(c byte) {
	if e.sizing {
		e.n++
		return
	}
	e.room(1)
	e.b = append(e.b, c)
}

// uvarintLen is the length of binary.AppendUvarint's encoding of v.
func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// appendEncoded appends what encode writes to b, grown once to fit.
func appendEncoded(b []byte, encode func(*encoder)) []byte {
	e := encoder{b: slices.Grow(b, encodedLen(encode))}
	encode(&e)
	return e.b
}

// encodedLen returns the length of what encode writes, without writing it.
func encodedLen(encode func(*encoder)) int {
	e := encoder{sizing: true}
	encode(&e)
	return e.n
}

// writeBuffer is the size of writeEncoded's buffer (a variable so that
// tests can make strings and numbers straddle its ends).
var writeBuffer = 256 << 10

// writeEncoded writes what encode writes to w, through a buffer of
// writeBuffer bytes: a large glossary's encoding (17 MB with its
// matchers for a general dictionary) is never held whole.
func writeEncoded(w io.Writer, encode func(*encoder)) error {
	e := encoder{b: make([]byte, 0, max(writeBuffer, binary.MaxVarintLen64)), w: w}
	encode(&e)
	e.flush()
	return e.err
}

// AppendBinary appends g's encoding to b.
func (g *Glossary) AppendBinary(b []byte) ([]byte, error) {
	return appendEncoded(b, g.encode), nil
}

// BinaryLen returns the length of g's encoding, without making it.
func (g *Glossary) BinaryLen() int {
	return encodedLen(g.encode)
}

// WriteBinary writes g's encoding, the bytes of [Glossary.AppendBinary],
// to w, a buffer's worth at a time.
func (g *Glossary) WriteBinary(w io.Writer) error {
	return writeEncoded(w, g.encode)
}

func (g *Glossary) encode(e *encoder) {
	e.uint(len(g.Concepts))
	nTerms := 0
	for _, c := range g.Concepts {
		nTerms += len(c.Terms)
	}
	e.uint(nTerms)
	for _, c := range g.Concepts {
		for _, s := range []string{c.ID, c.Domain, c.Definition, c.Note, c.Source, c.Context, c.Origin} {
			e.str(s)
		}
		e.uint(len(c.Terms))
		for _, t := range c.Terms {
			for _, s := range []string{t.Text, t.Lang, string(t.Status), string(t.Type), t.Note, t.Origin} {
				e.str(s)
			}
			var fl byte
			if t.CaseSensitive {
				fl |= flagCaseSensitive
			}
			if t.Exact {
				fl |= flagExact
			}
			e.byte(fl)
		}
	}
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
	return appendEncoded(b, m.encode), nil
}

// BinaryLen returns the length of m's encoding, without making it.
func (m *Matcher) BinaryLen() int {
	return encodedLen(m.encode)
}

// WriteBinary writes m's encoding, the bytes of [Matcher.AppendBinary],
// to w, a buffer's worth at a time.
func (m *Matcher) WriteBinary(w io.Writer) error {
	return writeEncoded(w, m.encode)
}

func (m *Matcher) encode(e *encoder) {
	e.str(m.lang)
	e.uint(m.terms)
	e.uint(len(m.concepts))
	e.str(m.blob)
	ref := func(r strRef) {
		e.uint(int(r.off))
		e.uint(int(r.n))
	}
	e.uint(len(m.endAt) - 1)
	for n := range len(m.endAt) - 1 {
		e.uint(int(m.endAt[n+1] - m.endAt[n]))
	}
	e.uint(len(m.edges))
	for _, ed := range m.edges {
		ref(ed.key)
		e.uint(int(ed.from))
		e.uint(int(ed.any + 1))
		e.uint(int(ed.norm + 1))
	}
	e.uint(len(m.norms))
	for _, n := range m.norms {
		ref(n.norm)
		e.uint(int(n.to))
		e.uint(int(n.next + 1))
	}
	e.uint(len(m.units))
	for _, u := range m.units {
		e.byte(u.kind)
		e.uint(int(u.n))
		ref(u.pattern)
		ref(u.norm)
		ref(u.text)
	}
	e.uint(len(m.entries))
	for _, en := range m.entries {
		e.uint(int(en.concept))
		e.uint(int(en.term))
		e.uint(int(en.order))
		e.uint(int(en.unit))
		e.uint(int(en.n))
	}
	for _, n := range m.ends {
		e.uint(int(n))
	}
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
