package glossary

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"math/bits"
	"slices"
	"unsafe"
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
// matcher is its language, its number of terms and of the glossary's
// concepts, its strings (one blob), the lengths of its arrays (nodes,
// edges, exact edges, units, entries), zero bytes up to a multiple of
// four from its start, then the arrays as they lie in memory: 4-byte
// little-endian numbers (bytes for a unit's case kind and an entry's
// any-case flag, padded as in memory), so that a decoder can use them
// in place (see [DecodeMatcher]).

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
	b       []byte
	sizing  bool
	n       int // the bytes counted while sizing
	w       io.Writer
	err     error // the first error of w
	start   int   // where the encoding starts in b (appending)
	flushed int   // the bytes handed to w
}

// pos returns the number of bytes of the encoding so far.
func (e *encoder) pos() int {
	if e.sizing {
		return e.n
	}
	return e.flushed + len(e.b) - e.start
}

// u32 writes v as 4 bytes, little-endian: the arrays of a Matcher are
// written as they lie in memory (see DecodeMatcher).
func (e *encoder) u32(v uint32) {
	if e.sizing {
		e.n += 4
		return
	}
	e.room(4)
	e.b = binary.LittleEndian.AppendUint32(e.b, v)
}

// align writes zero bytes up to a multiple of four bytes from the
// encoding's start.
func (e *encoder) align() {
	for e.pos()%4 != 0 {
		e.byte(0)
	}
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
	e.flushed += len(e.b)
	e.b = e.b[:0]
}

func (e *encoder) uint(v int) {
	if e.sizing {
		e.n += uvarintLen(uint64(v))
		return
	}
	if v < 0x80 && len(e.b) < cap(e.b) {
		// Most numbers of an encoding (lengths, counts, short offsets)
		// are one byte: written without the general path's checks.
		e.b = append(e.b, byte(v))
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
	return (bits.Len64(v|1) + 6) / 7
}

// appendEncoded appends what encode writes to b, grown once to fit.
func appendEncoded(b []byte, encode func(*encoder)) []byte {
	e := encoder{b: slices.Grow(b, encodedLen(encode)), start: len(b)}
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
	e.uint(len(m.endAt) - 1)
	e.uint(len(m.edges))
	e.uint(len(m.norms))
	e.uint(len(m.units))
	e.uint(len(m.entries))
	e.align()
	ref := func(r strRef) {
		e.u32(r.off)
		e.u32(r.n)
	}
	for _, n := range m.endAt {
		e.u32(uint32(n))
	}
	for _, ed := range m.edges {
		ref(ed.key)
		e.u32(uint32(ed.from))
		e.u32(uint32(ed.any))
		e.u32(uint32(ed.norm))
	}
	for _, n := range m.norms {
		ref(n.norm)
		e.u32(uint32(n.to))
		e.u32(uint32(n.next))
	}
	for _, u := range m.units {
		e.byte(u.kind)
		e.byte(0)
		e.byte(0)
		e.byte(0)
		e.u32(uint32(u.n))
		ref(u.pattern)
		ref(u.norm)
		ref(u.text)
	}
	for _, en := range m.entries {
		e.u32(uint32(en.concept))
		e.u32(uint32(en.term))
		e.u32(uint32(en.order))
		e.u32(uint32(en.unit))
		e.u32(uint32(en.n))
		var any byte
		if en.anyCase {
			any = 1
		}
		e.byte(any)
		e.byte(0)
		e.byte(0)
		e.byte(0)
	}
	for _, n := range m.ends {
		e.u32(uint32(n))
	}
}

// DecodeMatcher decodes a matcher [Matcher.AppendBinary] wrote at the
// start of data, for glossary g (the one it was built from, or one
// decoded from the same encoding), and returns it with the number of
// bytes read. The matcher's strings share data's bytes, and so do its
// arrays where they can: on a little-endian machine, when data's start
// lies at a multiple of four bytes in memory, they are data's bytes as
// they are (a glossary cache mapped into memory is used in place, not
// copied into the heap); elsewhere they are copied.
func DecodeMatcher(data string, g *Glossary) (m *Matcher, n int, err error) {
	d := &decoder{s: data}
	m = &Matcher{lang: d.str(), terms: d.count(1), seed: maphash.MakeSeed()}
	if d.count(1) != len(g.Concepts) {
		return nil, 0, ErrCorrupt
	}
	// The glossary's own list, not a copy: it must not change while the
	// Matcher is in use anyway.
	m.concepts = g.Concepts[:len(g.Concepts):len(g.Concepts)]
	m.blob = d.str()
	nodes, nEdges, nNorms, nUnits, nEntries := d.count(4), d.count(20), d.count(16), d.count(32), d.count(28)
	if d.err != nil || nodes == 0 {
		return nil, 0, ErrCorrupt
	}
	if pad := (len(data) - len(d.s)) % 4; pad != 0 {
		if len(d.s) < 4-pad {
			return nil, 0, ErrCorrupt
		}
		d.s = d.s[4-pad:]
	}
	// Each array is taken from the bytes that follow, in turn.
	take := func(n, size int) string {
		if n > (len(d.s)-0)/size {
			d.err = ErrCorrupt
			return ""
		}
		b := d.s[:n*size]
		d.s = d.s[n*size:]
		return b
	}
	inPlace := inPlaceLayout && uintptr(unsafe.Pointer(unsafe.StringData(data)))%4 == 0
	m.endAt = arrayOf[int32](take(nodes+1, 4), inPlace, func(b string) int32 { return int32(le32(b)) })
	m.edges = arrayOf[trieEdge](take(nEdges, 20), inPlace, func(b string) trieEdge {
		return trieEdge{key: strRef{le32(b), le32(b[4:])}, from: int32(le32(b[8:])), any: int32(le32(b[12:])), norm: int32(le32(b[16:]))}
	})
	m.norms = arrayOf[normEdge](take(nNorms, 16), inPlace, func(b string) normEdge {
		return normEdge{norm: strRef{le32(b), le32(b[4:])}, to: int32(le32(b[8:])), next: int32(le32(b[12:]))}
	})
	m.units = arrayOf[unitReq](take(nUnits, 32), inPlace, func(b string) unitReq {
		return unitReq{caseReq: caseReq{kind: b[0], n: int32(le32(b[4:])), pattern: strRef{le32(b[8:]), le32(b[12:])}},
			norm: strRef{le32(b[16:]), le32(b[20:])}, text: strRef{le32(b[24:]), le32(b[28:])}}
	})
	eb := take(nEntries, 24)
	for i := 20; i < len(eb); i += 24 {
		if eb[i] > 1 { // a bool's byte
			return nil, 0, ErrCorrupt
		}
	}
	m.entries = arrayOf[entry](eb, inPlace, func(b string) entry {
		return entry{concept: int32(le32(b)), term: int32(le32(b[4:])), order: int32(le32(b[8:])), unit: int32(le32(b[12:])), n: int32(le32(b[16:])), anyCase: b[20] == 1}
	})
	m.ends = arrayOf[int32](take(nEntries, 4), inPlace, func(b string) int32 { return int32(le32(b)) })
	if d.err != nil || !m.valid() {
		return nil, 0, ErrCorrupt
	}
	m.rehash(4 * len(m.edges))
	return m, len(data) - len(d.s), nil
}

// inPlaceLayout reports whether the arrays of a Matcher lie in memory as
// DecodeMatcher reads them: a little-endian machine, and the structs laid
// out as encode writes them.
var inPlaceLayout = func() bool {
	one := uint16(1)
	return *(*byte)(unsafe.Pointer(&one)) == 1 &&
		unsafe.Sizeof(trieEdge{}) == 20 && unsafe.Sizeof(normEdge{}) == 16 &&
		unsafe.Sizeof(unitReq{}) == 32 && unsafe.Offsetof(unitReq{}.n) == 4 && unsafe.Offsetof(unitReq{}.norm) == 16 &&
		unsafe.Sizeof(entry{}) == 24 && unsafe.Offsetof(entry{}.anyCase) == 20 && unsafe.Sizeof(false) == 1
}()

// arrayOf returns the elements encoded in b (len(b) a multiple of the
// element's size): b itself when inPlace, else decoded one by one with
// elem from their bytes.
func arrayOf[T any](b string, inPlace bool, elem func(string) T) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	n := len(b) / size
	if n == 0 {
		return []T{}
	}
	if inPlace {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.StringData(b))), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = elem(b[i*size:])
	}
	return out
}

func le32(b string) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// valid reports whether every number of m's arrays is in range, so that
// matching never indexes outside them nor loops: the arrays may be the
// bytes of a file.
func (m *Matcher) valid() bool {
	nodes := len(m.endAt) - 1
	ref := func(r strRef) bool { return r.off <= uint32(len(m.blob)) && r.n <= uint32(len(m.blob))-r.off }
	if m.endAt[0] != 0 || int(m.endAt[nodes]) != len(m.entries) {
		return false
	}
	for n := range nodes {
		if m.endAt[n+1] < m.endAt[n] {
			return false
		}
	}
	for _, e := range m.edges {
		if !ref(e.key) || e.from < 0 || int(e.from) >= nodes || e.any < -1 || int(e.any) >= nodes || e.norm < -1 || int(e.norm) >= len(m.norms) {
			return false
		}
	}
	for i, e := range m.norms {
		// A list runs to earlier elements only, so it has an end.
		if !ref(e.norm) || e.to < 0 || int(e.to) >= nodes || e.next < -1 || int(e.next) >= i {
			return false
		}
	}
	for _, u := range m.units {
		if u.kind > caseInitial || !ref(u.pattern) || !ref(u.norm) || !ref(u.text) {
			return false
		}
	}
	for _, e := range m.entries {
		if e.concept < 0 || int(e.concept) >= len(m.concepts) || e.term < 0 || int(e.term) >= len(m.concepts[e.concept].Terms) ||
			e.unit < 0 || int(e.unit) > len(m.units) || e.n < 0 || int(e.n) > len(m.units)-int(e.unit) {
			return false
		}
		anyCase := true
		for _, u := range m.units[e.unit : e.unit+e.n] {
			anyCase = anyCase && u.kind == caseAny
		}
		if e.anyCase != anyCase {
			return false
		}
	}
	for _, k := range m.ends {
		if k < 0 || int(k) >= len(m.entries) {
			return false
		}
	}
	return true
}
