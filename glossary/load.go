package glossary

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"tolmach/internal/lang"
)

// Format names a glossary file format.
type Format string

// The formats tolmach reads and writes. OmegaT is read only (it is
// written as TSV with a header); TBX reads both TBX v2 and v3.
const (
	Native Format = "native" // the .glossary format of docs/glossary-format.md
	TBX    Format = "tbx"    // TBX v2 (<martif>), TBX-Basic shape when written
	TBX3   Format = "tbx3"   // TBX v3 (<tbx>), TBX-Basic dialect, DCA style
	CSV    Format = "csv"    // comma-separated with a header row (ru, en, …)
	TSV    Format = "tsv"    // tab-separated with a header row (ru, en, …)
	OmegaT Format = "omegat" // headerless tab-separated: source, target, comment
)

// WriteFormats lists the formats [Write] accepts, in documentation order.
var WriteFormats = []Format{Native, TBX, TBX3, CSV, TSV}

// ParseFormat parses a format name as given to --format; "tbx2" is
// accepted for TBX.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case Native, TBX, TBX3, CSV, TSV, OmegaT:
		return f, nil
	case "tbx2":
		return TBX, nil
	case "glossary":
		return Native, nil
	}
	return "", fmt.Errorf("%w %q (want native, tbx, tbx3, csv or tsv)", ErrUnknownFormat, s)
}

// FormatForPath returns the format a file of this name is written in,
// by its extension: .glossary, .tbx, .csv, .tsv (also .tab and .txt).
func FormatForPath(p string) (Format, error) {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".glossary":
		return Native, nil
	case ".tbx", ".xml":
		return TBX, nil
	case ".csv":
		return CSV, nil
	case ".tsv", ".tab", ".txt":
		return TSV, nil
	}
	return "", fmt.Errorf("%s: %w: unknown extension %q (want .glossary, .tbx, .csv or .tsv)", p, ErrUnknownFormat, filepath.Ext(p))
}

// DetectFormat chooses the reader for a file by its extension and, where
// the extension leaves a choice, its content: a .tsv, .tab or .txt whose
// first row is a header row (it names ru or en, or only names columns,
// one a language) is [TSV], and so is an empty .tsv (refused by [Parse]:
// a table needs its header); any other is an [OmegaT] glossary, which
// may be empty; a .csv without such a header is read as OmegaT's comma
// variant; an unknown extension is sniffed (XML → TBX, '[' or '#' →
// native, tabs → OmegaT).
func DetectFormat(name string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch f, err := FormatForPath(name); {
	case f == TSV || ext == ".utf8": // OmegaT's extensions too: the content decides
		if isTSV(data) || ext == ".tsv" && blankText(data) {
			return TSV, nil
		}
		return OmegaT, nil
	case err == nil:
		return f, nil
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("<")) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return TBX, nil
	case bytes.HasPrefix(head, []byte("[")) || bytes.HasPrefix(head, []byte("#")):
		return Native, nil
	case bytes.IndexByte(data, '\t') >= 0:
		if isTSV(data) {
			return TSV, nil
		}
		return OmegaT, nil
	}
	return "", fmt.Errorf("%s: %w (cannot tell from its extension or content; use .glossary, .tbx, .csv or .tsv)", name, ErrUnknownFormat)
}

// isTSV reports whether tab-separated data begins with a header row (see
// [headerLangs]): a TSV glossary, where a headerless one is OmegaT's.
func isTSV(data []byte) bool {
	_, ok := headerLangs(firstLine(data), '\t')
	return ok
}

// firstLine returns the first line of a text, without a byte order mark
// or line end. Only that line is copied, never the text (megabytes for
// a large glossary).
func firstLine[T string | []byte](data T) string {
	end := len(data)
	for i := 0; i < len(data); i++ {
		if data[i] == '\n' {
			end = i
			break
		}
	}
	return strings.TrimRight(strings.TrimPrefix(string(data[:end]), "\uFEFF"), "\r")
}

// Parse reads a glossary in the given format from data; name is the file
// name used in errors and origins. Text formats are decoded with
// lang.Decode (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251,
// KOI8-R); TBX honours the encoding its XML declaration names.
//
// Input over tolmach's size limits (see lang.MaxLineSize and
// lang.MaxTermLen) is refused with a *ParseError at its line wrapping
// lang.ErrTooLarge: a line of a text glossary over lang.MaxLineSize
// bytes, a TBX element's text over that many bytes, a term over
// lang.MaxTermLen characters, a note or definition over
// lang.MaxLineSize bytes.
func Parse(data []byte, name string, format Format) (*Glossary, error) {
	return parseData(data, name, format, false)
}

// parseData is [Parse]; owned tells that data is the caller's own, read
// for this call and never written again (a file Load or ParseFS read),
// so that text decoded as it is need not be copied into a string: the
// copy of a general dictionary's file was megabytes of fresh pages.
func parseData(data []byte, name string, format Format, owned bool) (*Glossary, error) {
	g, err := parse(data, name, format, owned)
	if err != nil {
		return nil, err
	}
	if err := checkLimits(g); err != nil {
		return nil, err
	}
	return g, nil
}

// checkLimits refuses a term over lang.MaxTermLen characters, and a
// note, definition, domain or source over lang.MaxLineSize bytes, at the
// line of its term or concept.
func checkLimits(g *Glossary) error {
	at := func(origin string, err error) error {
		file, line := SplitOrigin(origin)
		return &ParseError{File: file, Line: line, Err: err}
	}
	for _, c := range g.Concepts {
		for _, f := range []struct{ name, v string }{{"note", c.Note}, {"definition", c.Definition}, {"domain", c.Domain}, {"source", c.Source}} {
			if err := lang.CheckField(f.name, f.v); err != nil {
				return at(c.Origin, err)
			}
		}
		for _, t := range c.Terms {
			if err := lang.CheckTerm(t.Text); err != nil {
				return at(t.Origin, err)
			}
			if err := lang.CheckField("note", t.Note); err != nil {
				return at(t.Origin, err)
			}
		}
	}
	return nil
}

// tooLargeLine is the line of a *lang.TooLargeError, 0 for other errors.
func tooLargeLine(err error) int {
	var tl *lang.TooLargeError
	if errors.As(err, &tl) {
		return tl.Line
	}
	return 0
}

func parse(data []byte, name string, format Format, owned bool) (*Glossary, error) {
	if format == TBX || format == TBX3 {
		return parseTBX(data, name)
	}
	text, err := decodeText(data, owned)
	if err != nil {
		return nil, &ParseError{File: name, Line: tooLargeLine(err), Err: err}
	}
	switch format {
	case Native:
		return parseNative(text, name)
	case CSV:
		return parseDelimited(text, name, ',')
	case TSV:
		return parseDelimited(text, name, '\t')
	case OmegaT:
		return parseOmegaT(text, name, '\t')
	}
	return nil, fmt.Errorf("%s: %w %q", name, ErrUnknownFormat, format)
}

// decodeText decodes a text glossary with lang.Decode, skipping its work
// for the common case of UTF-8 that is already in lang's form (no CR, no
// NUL, no character NFC could change): the built-in glossary is read on
// every start and must cost next to nothing. When owned (see parseData)
// such text is data's own bytes, not a copy.
func decodeText(data []byte, owned bool) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if err := lang.CheckLines(data); err != nil {
		return "", err
	}
	if utf8.Valid(data) && bytes.IndexByte(data, '\r') < 0 && bytes.IndexByte(data, 0) < 0 && stableNFC(data) {
		if owned && len(data) > 0 {
			return unsafe.String(&data[0], len(data)), nil
		}
		return string(data), nil
	}
	text, _, err := lang.Decode(data, "")
	return text, err
}

// stableNFC reports whether every character of valid UTF-8 data is one
// NFC leaves alone in any context: Latin up to U+02FF, Cyrillic
// U+0400–U+04FF, general punctuation U+2010–U+205E, №, €, CJK unified
// ideographs. Combining marks
// (U+0300–U+036F) and everything else send the text through NFC.
func stableNFC(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Two-byte characters of U+0080–U+02FF (lead bytes C2–CB) and
		// U+0400–U+04FF (D0–D3), the letters of a Russian glossary:
		// stable, known by their lead byte (data is valid UTF-8).
		if c := data[i]; c >= 0xC2 && c <= 0xCB || c >= 0xD0 && c <= 0xD3 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		i += size
		switch {
		case r <= 0x2FF, r >= 0x400 && r <= 0x4FF, r >= 0x2010 && r <= 0x205E, r == 0x2116, r == 0x20AC,
			r >= 0x4E00 && r <= 0x9FFF: // CJK ideographs (Chinese names in notes) have no decomposition
		default:
			return false
		}
	}
	return true
}

// Load reads the glossary file at path, choosing the format with
// [DetectFormat].
func Load(path string) (*Glossary, error) {
	data, err := readGlossaryFile(path)
	if err != nil {
		return nil, err
	}
	f, err := DetectFormat(path, data)
	if err != nil {
		return nil, err
	}
	return parseData(data, path, f, true)
}

// readGlossaryFile reads a glossary file whole. A line-based one (by its
// extension) is read through lang.LimitLines, so that a line over
// lang.MaxLineSize is refused when it is reached, not after the whole
// file is in memory.
func readGlossaryFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *fs.PathError names the path
	}
	defer f.Close()
	var r io.Reader = f
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() < 1<<40 {
		size += int(fi.Size())
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".glossary", ".csv", ".tsv", ".tab", ".txt", ".utf8":
		r = lang.LimitLines(f)
		// The buffer is made at the file's size, up to 64 MB (grown by
		// doubling from 1 MB, it cost the 6 MB Müller CSV 15 MB of
		// copies and fresh pages before parsing could start); beyond
		// that it grows as lines pass the check. The pages of a buffer
		// are touched only as it fills, so a file refused early costs
		// little of it.
		size = min(size, 64<<20)
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := buf.ReadFrom(r); err != nil {
		var tl *lang.TooLargeError
		if errors.As(err, &tl) {
			return nil, &ParseError{File: path, Line: tl.Line, Err: err}
		}
		return nil, err // *fs.PathError names the path
	}
	return buf.Bytes(), nil
}

// LoadFS reads every file of fsys matching pattern (see [fs.Glob]), in
// lexical order, and merges them with [Merge]. It is how the built-in
// glossary embedded in package data is read. A pattern matching nothing
// is an error. The files are read and parsed concurrently, so fsys must
// allow concurrent reads (embed.FS and os.DirFS do).
func LoadFS(fsys fs.FS, pattern string) (*Glossary, error) {
	gs, err := ParseFS(fsys, pattern, "")
	if err != nil {
		return nil, err
	}
	return Merge(gs...), nil
}

// ParseFS reads and parses every file of fsys matching pattern, as
// [LoadFS] does, and returns them unmerged, in lexical order of their
// names. Each is parsed under its name with namePrefix before it
// ("builtin:"), which its concepts' origins and its errors show.
func ParseFS(fsys fs.FS, pattern, namePrefix string) ([]*Glossary, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("glossary pattern %q: %w", pattern, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("glossary pattern %q: %w", pattern, fs.ErrNotExist)
	}
	sort.Strings(names)
	gs := make([]*Glossary, len(names))
	errs := make([]error, len(names))
	// Files are parsed side by side: parsing is most of the built-in
	// glossary's load time, and each file's is independent.
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				errs[i] = err
				return
			}
			f, err := DetectFormat(path.Base(n), data)
			if err != nil {
				errs[i] = err
				return
			}
			// fs.ReadFile returns a copy that is the caller's own.
			gs[i], errs[i] = parseData(data, namePrefix+n, f, true)
		}()
	}
	wg.Wait()
	// The first file's error in name order, as a sequential load reports.
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return gs, nil
}

// fillIDs gives each concept of g without an id one made from its terms
// (see [Slug]), unique in g, and returns g. Ids the file gives are kept
// as written, duplicates included: a reader keeps what it reads, so that
// [Lint] can name a duplicate; [Merge] makes ids unique for use.
func fillIDs(g *Glossary) *Glossary {
	// Sized up front: grown from empty, the map of 100k ids rehashes
	// about a tenth of the time a TBX file takes to read.
	taken := make(map[string]bool, len(g.Concepts))
	for _, c := range g.Concepts {
		if c.ID != "" {
			taken[c.ID] = true
		}
	}
	next := map[string]int{}
	for _, c := range g.Concepts {
		if c.ID == "" {
			c.ID = freeID(conceptSlug(c), taken, next)
			taken[c.ID] = true
		}
	}
	return g
}

// Merge returns one glossary holding the concepts of gs in order. Concept
// ids are kept unique: a concept whose id is already taken is copied
// under the id with the first free suffix "-2", "-3", …; the inputs are
// not modified. Concepts without an id get one made from their terms
// (see [Slug]).
func Merge(gs ...*Glossary) *Glossary {
	n := 0
	for _, g := range gs {
		if g != nil {
			n += len(g.Concepts)
		}
	}
	out := &Glossary{}
	if n > 0 {
		out.Concepts = make([]*Concept, 0, n) // nil stays nil for an empty merge
	}
	taken := make(map[string]bool, n) // sized, as in fillIDs
	next := map[string]int{}          // base id → next suffix to try, so that n clashes cost O(n)
	for _, g := range gs {
		if g == nil {
			continue
		}
		for _, c := range g.Concepts {
			id := c.ID
			if id == "" {
				id = conceptSlug(c)
			}
			if taken[id] || id != c.ID {
				id = freeID(id, taken, next)
				cc := *c
				cc.ID = id
				c = &cc
			}
			taken[id] = true
			out.Concepts = append(out.Concepts, c)
		}
	}
	return out
}

// freeID returns id, or id with the first suffix -2, -3, … not in taken;
// next remembers where to resume for each id.
func freeID(id string, taken map[string]bool, next map[string]int) string {
	if !taken[id] {
		return id
	}
	for n := max(next[id], 2); ; n++ {
		if cand := id + "-" + strconv.Itoa(n); !taken[cand] {
			next[id] = n + 1
			return cand
		}
	}
}

// Write writes g to w in the given format (one of [WriteFormats]).
func Write(w io.Writer, g *Glossary, format Format) error {
	switch format {
	case Native:
		return writeNative(w, g)
	case TBX:
		return writeTBX2(w, g)
	case TBX3:
		return writeTBX3(w, g)
	case CSV:
		return writeDelimited(w, g, ',')
	case TSV:
		return writeDelimited(w, g, '\t')
	}
	return fmt.Errorf("%w %q (want native, tbx, tbx3, csv or tsv)", ErrUnknownFormat, format)
}

// WriteFile writes g to the file at path atomically: into a temporary
// file in the same directory, synced, then renamed over path, all under
// the lock file path+".lock" so that concurrent writers are serialised.
// An empty format means the one of path's extension ([FormatForPath]).
// On error path is unchanged.
//
// A path that exists and is not a regular file (/dev/null, /dev/stdout,
// a pipe) is written to directly, without lock or rename: replacing a
// device node with a regular file would break the system.
func WriteFile(path string, g *Glossary, format Format) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return writeSpecial(path, g, format)
	}
	unlock, err := lockFile(path)
	if err != nil {
		return err
	}
	defer unlock()
	return writeFileLocked(path, g, format)
}

// Update reads the glossary at path (an empty one when the file does not
// exist), lets change modify it and writes it back with [WriteFile]'s
// guarantees, holding the lock from the read to the rename: concurrent
// Updates of one file all land. When change returns an error, the file
// is left alone and the error returned.
func Update(path string, change func(g *Glossary) error) error {
	unlock, err := lockFile(path)
	if err != nil {
		return err
	}
	defer unlock()
	g, err := Load(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		g = &Glossary{}
	case err != nil:
		return err
	}
	if err := change(g); err != nil {
		return err
	}
	return writeFileAs(path, g, dialectOf(path))
}

// dialect is how an existing CSV or TSV glossary is written, kept when
// Update rewrites it: Excel in a Russian locale saves CSV with
// semicolons, in Windows-1251, and would show a file rewritten in UTF-8
// with commas as one garbled column.
type dialect struct {
	sep      rune   // the delimiter; 0 for the format's own
	encoding string // one of lang.Encodings; "" for UTF-8
}

// dialectOf reads the dialect of the delimited glossary at path; the
// zero dialect for other formats and for files that cannot be read.
func dialectOf(path string) dialect {
	format, err := FormatForPath(path)
	if err != nil || format != CSV && format != TSV {
		return dialect{}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return dialect{}
	}
	text, enc, err := lang.Decode(data, "")
	if err != nil {
		return dialect{}
	}
	var d dialect
	if enc != lang.UTF8 {
		d.encoding = enc
	}
	if format == CSV {
		first := firstLine(text)
		if _, ok := headerLangs(first, ','); !ok {
			if _, ok := headerLangs(first, ';'); ok {
				d.sep = ';'
			}
		}
	}
	return d
}

// writeFileAs is writeFileLocked for the format of path's extension, in
// dialect d.
func writeFileAs(path string, g *Glossary, d dialect) error {
	if d == (dialect{}) {
		return writeFileLocked(path, g, "")
	}
	format, err := FormatForPath(path)
	if err != nil {
		return err
	}
	sep := d.sep
	if sep == 0 {
		sep = ','
		if format == TSV {
			sep = '\t'
		}
	}
	var buf bytes.Buffer
	if err := writeDelimited(&buf, g, sep); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	out := buf.Bytes()
	if d.encoding != "" {
		if out, err = lang.Encode(buf.String(), d.encoding); err != nil {
			return fmt.Errorf("%s: %w; save the file as UTF-8 to write such terms to it", path, err)
		}
	}
	removeStaleTemps(path)
	return atomicWrite(path, out)
}

// writeSpecial writes g into an existing non-regular file (a device or
// a pipe) as it is.
func writeSpecial(path string, g *Glossary, format Format) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory", path)
	}
	format, err := formatOrPath(format, path)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := Write(bw, g, format); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// formatOrPath is format, or when it is empty the format of path's
// extension ([FormatForPath]): what WriteFile writes.
func formatOrPath(format Format, path string) (Format, error) {
	if format != "" {
		return format, nil
	}
	return FormatForPath(path)
}

func writeFileLocked(path string, g *Glossary, format Format) error {
	format, err := formatOrPath(format, path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Write(&buf, g, format); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	removeStaleTemps(path)
	return atomicWrite(path, buf.Bytes())
}

// removeStaleTemps deletes the temporary files that writers killed
// before their rename left beside path (".NAME.tmpDIGITS", as atomicWrite
// names them). It runs with the lock held, and a writer makes its
// temporary file only while holding the lock, so any that exists now is
// an orphan.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+".tmp"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && rest != "" && strings.Trim(rest, "0123456789") == "" && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// atomicWrite replaces path with data: temp file in the same directory,
// fsync, rename, fsync of the directory. The file keeps its permissions
// when it exists.
func atomicWrite(path string, data []byte) error {
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file; refusing to replace it", path)
		}
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: the rename is durable once the directory is
		d.Close()
	}
	return nil
}
