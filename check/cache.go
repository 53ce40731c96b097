package check

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unsafe"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// A check process spends more time parsing a large glossary and
// analysing its terms into matchers (see glossary.Matcher) than checking
// an article: for a general dictionary of 42,000 concepts, about 0.4 and
// 0.5 s of CPU. GlossaryCache keeps the result of both on disk in a
// compact binary form that loads in milliseconds, keyed by the
// glossary files' state, so only the first check after a glossary
// changes pays for them. The cache is an optimisation only: a missing,
// stale, unreadable or corrupt entry is ignored and the glossary parsed
// as if there were no cache.

// cacheVersion names the encoding and everything that decides its
// content besides the executable (whose identity is part of the key):
// change it when the encoding, the glossary model or the matchers
// change. lang.StemVersion is included because the matchers hold
// matching keys, so that a library user's program that links a new stemmer in
// the same binary size and time never reads keys of the old one.
const cacheVersion = "tolmach-check-glossary-3+" + lang.StemVersion

// cacheMagic starts every cache file.
const cacheMagic = "tolmach check glossary cache 5\n"

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
	// Mapped has Load map an entry into memory, where it is supported,
	// instead of reading it into the heap: the glossary's strings are
	// then the file's bytes, and the mapping is never undone (nothing
	// tells when the last of those strings is dropped). It is for a
	// process that loads a glossary once and ends, such as one check:
	// a long-running one that loads many would keep every entry mapped.
	// Entries are only ever replaced by renaming, so a mapped one never
	// changes under its reader.
	Mapped bool
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
	read := os.ReadFile
	if gc.Mapped {
		read = mapEntry
	}
	data, err := read(filepath.Join(gc.Dir, name))
	if err != nil {
		return nil, false
	}
	g, ru, en, err := decodePrepared(data, state)
	if err != nil {
		return nil, false
	}
	opts.Glossary = g
	c = New(opts)
	c.ruMatcher, c.enMatcher = ru, en
	c.once.Do(func() {}) // the matchers are there: Prepare has nothing to do
	return c, true
}

// Store writes c's glossary and matchers as the entry of srcs, whole
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
	if err := os.MkdirAll(gc.Dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(gc.Dir, ".tmp-"+name+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if err := writeEntry(f, c.opts.Glossary, c.ruMatcher, c.enMatcher, state); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	// Synced before the rename, so that a crash never leaves a
	// half-written entry under the entry's name (its checksum would
	// catch it, but a mapped reader is better never shown one).
	if err := f.Sync(); err != nil {
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

// The encoding: cacheMagic, the state (a string: a uvarint length and
// the bytes), the byte lengths of the glossary's and the Russian
// matcher's encodings (uvarints: they let the two matchers be decoded
// side by side), the glossary, the Russian and the English matcher (each
// in glossary's binary encoding, each matcher after zero bytes up to a
// multiple of eight from the entry's start, so that a mapped entry's
// matchers are used in place: see glossary.DecodeMatcher), and the
// CRC-32C of everything before it (4 bytes, little-endian).

// matcherAlign is the alignment of a matcher's encoding in an entry.
const matcherAlign = 8

// padTo returns the number of zero bytes that take offset n to a
// multiple of matcherAlign.
func padTo(n int) int { return (matcherAlign - n%matcherAlign) % matcherAlign }

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeEntry writes the encoding to w part after part, each a buffer's
// worth at a time: the whole (tens of megabytes for a large glossary) is
// never held in memory.
func writeEntry(w io.Writer, g *glossary.Glossary, ru, en *glossary.Matcher, state string) error {
	cw := &checksumWriter{w: w}
	head := make([]byte, 0, len(cacheMagic)+3*binary.MaxVarintLen64+len(state))
	head = append(head, cacheMagic...)
	head = binary.AppendUvarint(head, uint64(len(state)))
	head = append(head, state...)
	head = binary.AppendUvarint(head, uint64(g.BinaryLen()))
	head = binary.AppendUvarint(head, uint64(ru.BinaryLen()))
	if _, err := cw.Write(head); err != nil {
		return err
	}
	at := len(head)
	zeros := make([]byte, matcherAlign)
	for i, part := range []interface {
		WriteBinary(io.Writer) error
		BinaryLen() int
	}{g, ru, en} {
		if i > 0 {
			pad := padTo(at)
			if _, err := cw.Write(zeros[:pad]); err != nil {
				return err
			}
			at += pad
		}
		if err := part.WriteBinary(cw); err != nil {
			return err
		}
		at += part.BinaryLen()
	}
	_, err := w.Write(binary.LittleEndian.AppendUint32(nil, cw.sum))
	return err
}

// checksumWriter writes to w and keeps the CRC-32C of what it wrote.
type checksumWriter struct {
	w   io.Writer
	sum uint32
}

func (c *checksumWriter) Write(p []byte) (int, error) {
	c.sum = crc32.Update(c.sum, castagnoli, p)
	return c.w.Write(p)
}

// encodePrepared returns the encoding of writeEntry in one buffer.
func encodePrepared(g *glossary.Glossary, ru, en *glossary.Matcher, state string) []byte {
	var b bytes.Buffer
	_ = writeEntry(&b, g, ru, en, state) // a bytes.Buffer does not fail
	return b.Bytes()
}

// appendChecksum appends the CRC-32C of b.
func appendChecksum(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

var errCorrupt = errors.New("corrupt glossary cache entry")

// decodePrepared decodes an entry written with state; an entry of
// another state, or damaged in any way, is an error. The glossary's and
// the matchers' strings share data's bytes: data must not be changed
// afterwards.
//
// Reading a large glossary's entry is on the way of every check, before
// anything else can start, so its parts are worked side by side: the
// checksum with the glossary, then the two matchers. The decoders refuse
// any input they did not write without harm, so decoding need not wait
// for the checksum; a mismatch discards what was decoded.
func decodePrepared(data []byte, state string) (g *glossary.Glossary, ru, en *glossary.Matcher, err error) {
	if len(data) < len(cacheMagic)+4 || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil, nil, nil, errCorrupt
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	var wg sync.WaitGroup
	var intact bool
	wg.Go(func() { intact = crc32.Checksum(body, castagnoli) == sum })
	g, ru, en, err = decodeParts(body, state)
	wg.Wait()
	if !intact {
		return nil, nil, nil, errCorrupt
	}
	return g, ru, en, err
}

// decodeParts decodes the body of an entry (data without its checksum):
// the glossary, then its two matchers side by side.
func decodeParts(body []byte, state string) (g *glossary.Glossary, ru, en *glossary.Matcher, err error) {
	// The strings decoded are slices of the entry: the bytes were just
	// read for this call and are never written again, so they are taken
	// as a string without the copy (megabytes for a large glossary,
	// memory a short check process pays for in page faults).
	rest := body[len(cacheMagic):]
	if len(rest) == 0 {
		return nil, nil, nil, errCorrupt
	}
	s := unsafe.String(&rest[0], len(rest))
	// uvarint reads a number no greater than what is left of s after it.
	uvarint := func() (int, bool) {
		n, k := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if k <= 0 || n > uint64(len(s)-k) {
			return 0, false
		}
		s = s[k:]
		return int(n), true
	}
	n, ok := uvarint()
	if !ok || s[:n] != state {
		return nil, nil, nil, errors.New("stale glossary cache entry")
	}
	s = s[n:]
	gLen, ok1 := uvarint()
	ruLen, ok2 := uvarint()
	if !ok1 || !ok2 || gLen+ruLen > len(s) {
		return nil, nil, nil, errCorrupt
	}
	// Where s starts in the entry, for the matchers' padding.
	at := len(body) - len(s)
	gs := s[:gLen]
	s, at = s[gLen:], at+gLen
	pad := func() bool {
		p := padTo(at)
		if p > len(s) {
			return false
		}
		s, at = s[p:], at+p
		return true
	}
	if !pad() || ruLen > len(s) {
		return nil, nil, nil, errCorrupt
	}
	rus := s[:ruLen]
	s, at = s[ruLen:], at+ruLen
	if !pad() {
		return nil, nil, nil, errCorrupt
	}
	ens := s
	if g, n, err = glossary.DecodeBinary(gs); err != nil || n != len(gs) {
		return nil, nil, nil, errCorrupt
	}
	var wg sync.WaitGroup
	var ruErr error
	wg.Go(func() {
		var n int
		if ru, n, ruErr = glossary.DecodeMatcher(rus, g); ruErr == nil && n != len(rus) {
			ruErr = errCorrupt
		}
	})
	en, n, err = glossary.DecodeMatcher(ens, g)
	wg.Wait()
	if err != nil || n != len(ens) || ruErr != nil {
		return nil, nil, nil, errCorrupt
	}
	return g, ru, en, nil
}
