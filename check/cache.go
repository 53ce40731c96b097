package check

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unsafe"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// A check process spends more time parsing a large glossary and keying
// its terms (see termIndex) than checking an article: for ten thousand
// concepts, about 25 and 40 ms of CPU against a budget of 100 ms for
// the whole run. GlossaryCache keeps the result of both on disk in a
// compact binary form that loads in a few milliseconds, keyed by the
// glossary files' state, so only the first check after a glossary
// changes pays for them. The cache is an optimisation only: a missing,
// stale, unreadable or corrupt entry is ignored and the glossary parsed
// as if there were no cache.

// cacheVersion names the encoding and everything that decides its
// content besides the executable (whose identity is part of the key):
// change it when the encoding, the glossary model or termIndex changes.
// lang.StemVersion is included because the term index holds matching
// keys, so that a library user's program that links a new stemmer in
// the same binary size and time never reads keys of the old one.
const cacheVersion = "tolmach-check-glossary-1+" + lang.StemVersion

// cacheMagic starts every cache file.
const cacheMagic = "tolmach check glossary cache 2\n"

// GlossarySource is one glossary file a checker's glossary was read
// from, with the state that decides whether a cached copy is fresh. A
// Path of "" stands for content built into the executable (the
// built-in glossary).
type GlossarySource struct {
	Path    string
	Size    int64
	ModTime time.Time
}

// GlossaryCache keeps parsed and indexed glossaries on disk, one file
// per list of glossary paths (see [GlossaryCache.Load]). It is safe for
// concurrent use by any number of processes: entries are written to a
// temporary file and renamed into place, so a reader sees a whole entry
// or none.
type GlossaryCache struct {
	// Dir holds the entries, normally $XDG_CACHE_HOME/tolmach/check.
	Dir string
}

// cacheState returns the file name of srcs' entry and the state a fresh
// entry records: the cache version, the executable's path, size and
// modification time (so that any new build of the program, whatever it
// changed in parsing or analysis, starts afresh), and each source's
// absolute path, size and modification time. ok is false when the state
// cannot be told (no executable path): such glossaries are not cached.
func cacheState(srcs []GlossarySource) (name, state string, ok bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", "", false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", "", false
	}
	var paths, st strings.Builder
	paths.WriteString(cacheVersion + "\x00")
	fmt.Fprintf(&st, "%s\x00exe\x00%s\x00%d\x00%d\x00", cacheVersion, exe, fi.Size(), fi.ModTime().UnixNano())
	for _, s := range srcs {
		if s.Path == "" {
			paths.WriteString("builtin\x00")
			st.WriteString("builtin\x00")
			continue
		}
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return "", "", false
		}
		fmt.Fprintf(&paths, "file\x00%s\x00", abs)
		fmt.Fprintf(&st, "file\x00%s\x00%d\x00%d\x00", abs, s.Size, s.ModTime.UnixNano())
	}
	sum := sha256.Sum256([]byte(paths.String()))
	return "glossary-" + hex.EncodeToString(sum[:])[:20] + ".bin", st.String(), true
}

// Load returns a checker with opts and the glossary of srcs, parsed and
// indexed, from the cache; ok is false when there is no fresh, intact
// entry (opts.Glossary is ignored either way).
func (gc GlossaryCache) Load(srcs []GlossarySource, opts Options) (c *Checker, ok bool) {
	if gc.Dir == "" {
		return nil, false
	}
	name, state, ok := cacheState(srcs)
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(gc.Dir, name))
	if err != nil {
		return nil, false
	}
	g, x, err := decodePrepared(data, state)
	if err != nil {
		return nil, false
	}
	opts.Glossary = g
	c = New(opts)
	c.index = x
	c.once.Do(func() {}) // the index is there: Prepare has nothing to do
	return c, true
}

// Store writes c's glossary and term index as the entry of srcs, whole
// or not at all. The checker is prepared first if it was not.
func (gc GlossaryCache) Store(srcs []GlossarySource, c *Checker) error {
	if gc.Dir == "" || c.opts.Glossary == nil {
		return nil
	}
	name, state, ok := cacheState(srcs)
	if !ok {
		return nil
	}
	c.Prepare()
	data := encodePrepared(c.opts.Glossary, c.index, state)
	if err := os.MkdirAll(gc.Dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(gc.Dir, ".tmp-"+name+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, filepath.Join(gc.Dir, name)); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// The encoding: cacheMagic, the state (a string), the body, and the
// CRC-32C of everything before it (4 bytes, little-endian). Strings are
// a uvarint length and the bytes; numbers are uvarints. The body is the
// number of concepts, each concept (ID, Domain, Definition, Note,
// Source, Context, Origin, its number of terms and each term: Text, Lang, Status,
// Type, Note, Origin, flags), then the term index (the concepts always
// kept, then each key with its concepts as ascending deltas).

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

const (
	flagCaseSensitive = 1 << iota
	flagExact
)

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func encodePrepared(g *glossary.Glossary, x *termIndex, state string) []byte {
	b := make([]byte, 0, 64<<10)
	b = append(b, cacheMagic...)
	b = appendString(b, state)
	b = binary.AppendUvarint(b, uint64(len(g.Concepts)))
	nTerms := 0
	for _, c := range g.Concepts {
		nTerms += len(c.Terms)
	}
	b = binary.AppendUvarint(b, uint64(nTerms))
	for _, c := range g.Concepts {
		for _, s := range []string{c.ID, c.Domain, c.Definition, c.Note, c.Source, c.Context, c.Origin} {
			b = appendString(b, s)
		}
		b = binary.AppendUvarint(b, uint64(len(c.Terms)))
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
	b = appendInts(b, x.all)
	b = binary.AppendUvarint(b, uint64(len(x.byKey)))
	for k, is := range x.byKey {
		b = appendString(b, k)
		b = appendInts(b, is)
	}
	return appendChecksum(b)
}

// appendChecksum appends the CRC-32C of b.
func appendChecksum(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// appendInts appends an ascending list of concept indexes as its length
// and the deltas.
func appendInts(b []byte, is []int) []byte {
	b = binary.AppendUvarint(b, uint64(len(is)))
	prev := 0
	for _, i := range is {
		b = binary.AppendUvarint(b, uint64(i-prev))
		prev = i
	}
	return b
}

var errCorrupt = errors.New("corrupt glossary cache entry")

// decoder reads the encoding from one string, so that the glossary's
// strings are slices of it rather than an allocation each. Errors stick:
// after the first, every read returns a zero value.
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
	d.err = errCorrupt
	return 0
}

// count reads a length that must not exceed what is left of the input
// divided by the least bytes an element takes.
func (d *decoder) count(minBytes int) int {
	n := d.uint()
	if n > uint64(len(d.s)/minBytes) {
		d.err = errCorrupt
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
		d.err = errCorrupt
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

// ints reads an ascending list of concept indexes, each below n, into
// the front of *buf (one allocation for all the lists of an index).
func (d *decoder) ints(n int, buf *[]int) []int {
	k := d.count(1)
	if k == 0 {
		return nil
	}
	if len(*buf) < k {
		*buf = make([]int, max(k, 4096))
	}
	out := (*buf)[:k:k]
	*buf = (*buf)[k:]
	prev := uint64(0)
	for i := range out {
		prev += d.uint()
		if prev >= uint64(n) {
			d.err = errCorrupt
			return nil
		}
		out[i] = int(prev)
	}
	return out
}

// decodePrepared decodes an entry written with state; an entry of
// another state, or damaged in any way, is an error. The glossary's
// strings share data's bytes: data must not be changed afterwards.
func decodePrepared(data []byte, state string) (*glossary.Glossary, *termIndex, error) {
	if len(data) < len(cacheMagic)+4 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, nil, errCorrupt
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, nil, errCorrupt
	}
	// The decoder's strings are slices of the entry: the bytes were just
	// read for this call and are never written again, so they are taken
	// as a string without the copy (2 MB for a 10,000-concept glossary,
	// memory a short check process pays for in page faults).
	rest := body[len(cacheMagic):]
	d := &decoder{}
	if len(rest) > 0 {
		d.s = unsafe.String(&rest[0], len(rest))
	}
	if st := d.str(); d.err != nil || st != state {
		return nil, nil, errors.New("stale glossary cache entry")
	}
	// A concept takes at least 7 bytes, a term at least 7.
	nc := d.count(7)
	nt := d.count(7)
	if d.err != nil {
		return nil, nil, d.err
	}
	// One allocation for all concepts and one for all terms.
	concepts := make([]glossary.Concept, nc)
	terms := make([]glossary.Term, nt)
	termPtrs := make([]*glossary.Term, nt)
	g := &glossary.Glossary{Concepts: make([]*glossary.Concept, nc)}
	used := 0
	for i := range concepts {
		c := &concepts[i]
		c.ID, c.Domain, c.Definition, c.Note, c.Source, c.Context, c.Origin = d.str(), d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
		k := d.count(7)
		if d.err != nil || k > nt-used {
			return nil, nil, errCorrupt
		}
		if k > 0 {
			c.Terms = termPtrs[used : used+k : used+k]
		}
		for j := range k {
			t := &terms[used+j]
			t.Text, t.Lang = d.str(), d.str()
			t.Status, t.Type = glossary.Status(d.str()), glossary.Type(d.str())
			t.Note, t.Origin = d.str(), d.str()
			fl := d.byte()
			t.CaseSensitive, t.Exact = fl&flagCaseSensitive != 0, fl&flagExact != 0
			termPtrs[used+j] = t
		}
		used += k
		g.Concepts[i] = c
	}
	if used != nt {
		return nil, nil, errCorrupt
	}
	var buf []int
	x := &termIndex{all: d.ints(nc, &buf)}
	nk := d.count(2)
	x.byKey = make(map[string][]int, nk)
	for range nk {
		k := d.str()
		x.byKey[k] = d.ints(nc, &buf)
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	if len(d.s) != 0 {
		return nil, nil, errCorrupt
	}
	return g, x, nil
}
