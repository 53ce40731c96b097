package glossary

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"tolmach/internal/lang"
)

// The per-term column suffixes of the CSV/TSV format. A column named by
// a language tag (ru, en, de, zh-CN…; see [lang.IsColumnTag]) holds terms; LANG_status, LANG_type,
// LANG_flags ("case", "exact", space-separated) and LANG_note describe
// them. Concept columns: id, domain, definition, note, source.
const (
	sufStatus = "_status"
	sufType   = "_type"
	sufFlags  = "_flags"
	sufNote   = "_note"
)

// hasHeader reports whether a first row names both the ru and en columns:
// the header of a glossary tolmach can read.
func hasHeader(line string, sep rune) bool {
	langs, _ := headerLangs(line, sep)
	return namesRuEn(langs)
}

// namesRuEn reports whether the languages of a header include ru and en.
func namesRuEn(langs []string) bool {
	return slices.Contains(langs, "ru") && slices.Contains(langs, "en")
}

// headerLangs reads a first row as a header row. It is one when a cell
// names ru or en, or when every non-empty cell names a column of the
// CSV/TSV format (a language code, LANG_status…, id, a concept field) and
// one of them a language: such a row is a header even when it lacks ru
// or en, so that a "ru,fr" file is refused rather than read as OmegaT
// data. langs are the languages of its term columns, lower-cased, in
// column order.
func headerLangs(line string, sep rune) (langs []string, ok bool) {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = sep
	r.LazyQuotes = true
	rec, err := r.Read()
	if err != nil {
		return nil, false
	}
	names, allColumns := false, true
	for _, h := range rec {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == "" || isColumnName(name):
		case lang.IsColumnTag(name):
			langs = append(langs, name)
			names = names || name == "ru" || name == "en"
		default:
			allColumns = false
		}
	}
	return langs, len(langs) > 0 && (names || allColumns)
}

// isColumnName reports whether a lower-cased header cell names a column
// other than a language's terms: id, a concept field or LANG_status,
// LANG_type, LANG_flags, LANG_note.
func isColumnName(name string) bool {
	if name == "id" || isConceptField(name) {
		return true
	}
	for _, suf := range []string{sufStatus, sufType, sufFlags, sufNote} {
		if l, ok := strings.CutSuffix(name, suf); ok && lang.IsColumnTag(l) {
			return true
		}
	}
	return false
}

// missingColumnsError is the error for a header row that names languages
// but not both ru and en, at line 1 of file.
func missingColumnsError(file string, langs []string) error {
	named := langs[0]
	if n := len(langs); n > 1 {
		named = strings.Join(langs[:n-1], ", ") + " and " + langs[n-1]
	}
	need := "ru and en columns"
	switch {
	case slices.Contains(langs, "ru"):
		need = "an en column (and ru)"
	case slices.Contains(langs, "en"):
		need = "a ru column (and en)"
	}
	return &ParseError{File: file, Line: 1, Msg: fmt.Sprintf("the header names %s; a glossary needs %s", named, need)}
}

// blankText reports whether a text file holds nothing but white space
// and a UTF-8 byte order mark: an empty file.
func blankText[T string | []byte](text T) bool {
	return strings.TrimSpace(strings.TrimPrefix(string(text), "\uFEFF")) == ""
}

type column struct {
	lang  string // for term columns and their attributes
	field string // "term", "status", "type", "flags", "note"; or a concept field / "id"
}

// parseDelimited reads CSV (sep ',', or ';' when the header row is so
// separated) or TSV (sep '\t') with a header row.
// A .csv whose first row is no header (see [headerLangs]) is read as
// OmegaT's comma variant; an empty file, with no header row at all, is
// an error like an empty TM table's.
func parseDelimited(text, file string, sep rune) (*Glossary, error) {
	return parseDelimitedAt(&textPos{text: text}, file, sep)
}

// parseDelimitedAt is parseDelimited with the positioner of its text
// given, so that a test can see how much of the text positions scanned.
func parseDelimitedAt(pos *textPos, file string, sep rune) (*Glossary, error) {
	text := pos.text
	if blankText(text) {
		return nil, errAt(file, 1, 1, "empty file, want a header row naming ru and en")
	}
	langs, isHeader := headerLangs(firstLine(text), sep)
	if !isHeader && sep == ',' {
		// Excel writes CSV with semicolons where the decimal mark is a
		// comma, as in a Russian locale: "ru;en;note".
		if l, ok := headerLangs(firstLine(text), ';'); ok {
			langs, isHeader, sep = l, true, ';'
		}
	}
	switch {
	case !isHeader && sep == ',':
		return parseOmegaT(text, file, ',')
	case !isHeader:
		return nil, errAt(file, 1, 1, "the header row must name the columns ru and en")
	case !namesRuEn(langs):
		return nil, missingColumnsError(file, langs)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = sep == '\t'
	header, err := r.Read()
	if err != nil {
		return nil, csvError(pos, file, err)
	}
	cols := make([]column, len(header))
	seenCol := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if prev, dup := seenCol[name]; dup && name != "" {
			return nil, errAt(file, 1, i+1, "column %q appears twice (columns %d and %d)", name, prev+1, i+1)
		}
		seenCol[name] = i
		switch {
		case name == "id" || isConceptField(name):
			cols[i] = column{field: name}
		case lang.IsColumnTag(name):
			cols[i] = column{lang: NormalizeLang(name), field: "term"}
		default:
			for _, suf := range []string{sufStatus, sufType, sufFlags, sufNote} {
				if l, ok := strings.CutSuffix(name, suf); ok && lang.IsColumnTag(l) {
					cols[i] = column{lang: NormalizeLang(l), field: suf[1:]}
				}
			}
			// Other columns (pos, src, a comment…) are ignored, as the
			// README says: spreadsheets carry columns of their own.
		}
	}
	// The records are read into one slice, reused: table.add keeps
	// their strings, never the slice (a slice each was a fifth of what
	// reading a large glossary allocated).
	r.ReuseRecord = true
	t := newTable(cols, file, pos)
	if g, ok := t.readChunks(text, int(r.InputOffset()), sep); ok {
		return fillIDs(g), nil
	}
	err = eachRecord(r, pos, file, func(rec []string, line int) error {
		return t.add(rec, line, r.FieldPos)
	})
	if err != nil {
		return nil, err
	}
	return fillIDs(t.g), nil
}

// table reads the records of a CSV/TSV glossary with a header row into
// concepts: a record is a concept, or more terms and fields of the
// concept of its id when an earlier record had that id.
type table struct {
	cols  []column
	file  string
	pos   *textPos
	langs []string // the term languages, ordered ru, en, the rest by name
	// langOf and fieldOf give a column's index in langs (a term
	// column or its attributes) or in conceptFields, else -1.
	langOf, fieldOf []int

	g    *Glossary
	byID map[string]*Concept
	// Terms and concepts are carved out of slabs: a general dictionary
	// has 100k terms, each its own allocation otherwise.
	termSlab    slab[Term]
	conceptSlab slab[Concept]
	// Per-record scratch, indexed like langs and conceptFields.
	terms  []*Term
	fields []string
}

func newTable(cols []column, file string, pos *textPos) *table {
	t := &table{cols: cols, file: file, pos: pos, g: &Glossary{}, byID: map[string]*Concept{},
		langOf: make([]int, len(cols)), fieldOf: make([]int, len(cols)), fields: make([]string, len(conceptFields))}
	for _, col := range cols {
		if col.lang != "" && !slices.Contains(t.langs, col.lang) {
			t.langs = append(t.langs, col.lang)
		}
	}
	// A record's terms are added in this order: stable, so languages of
	// one rank (none: the rank is the name) keep their column order.
	sort.SliceStable(t.langs, func(i, j int) bool { return langRank(t.langs[i]) < langRank(t.langs[j]) })
	for i, col := range cols {
		t.langOf[i], t.fieldOf[i] = slices.Index(t.langs, col.lang), -1
		if col.lang == "" {
			t.langOf[i], t.fieldOf[i] = -1, conceptFieldIndex(col.field)
		}
	}
	t.terms = make([]*Term, len(t.langs))
	return t
}

// slab hands out zero values of T carved from arrays of n: one
// allocation for n values instead of one each.
type slab[T any] struct{ free []T }

func (s *slab[T]) next(n int) *T {
	if len(s.free) == 0 {
		s.free = make([]T, n)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

// add reads rec, a record starting on line; fieldPos gives a field's
// line and byte column in the text (see csv.Reader.FieldPos), for
// errors.
func (t *table) add(rec []string, line int, fieldPos func(int) (int, int)) error {
	if blankRecord(rec) {
		return nil
	}
	file := t.file
	var id string
	clear(t.terms)
	clear(t.fields)
	// The record's origin, shared by its concept and terms: built
	// once, without fmt (a general dictionary has 100k terms).
	origin := ""
	originOf := func() string {
		if origin == "" {
			origin = file + ":" + strconv.Itoa(line)
		}
		return origin
	}
	for i, v := range rec {
		if i >= len(t.cols) || t.cols[i].field == "" {
			continue
		}
		col := t.cols[i]
		if col.lang == "" {
			if col.field == "id" {
				id = strings.TrimSpace(v)
			} else {
				t.fields[t.fieldOf[i]] = normalizeValue(v)
			}
			continue
		}
		tm := t.terms[t.langOf[i]]
		if tm == nil {
			tm = t.termSlab.next(256)
			tm.Lang, tm.Origin = col.lang, originOf()
			t.terms[t.langOf[i]] = tm
		}
		// The character column is worked out only for an error:
		// reckoned for every cell, it made reading quadratic.
		cc := func() int { return t.pos.col(fieldPos(i)) }
		v = strings.TrimSpace(v)
		switch col.field {
		case "term":
			tm.Text = normalizeTerm(v)
		case "status":
			if v != "" {
				s, err := parseStatusLoose(v)
				if err != nil {
					return errAt(file, line, cc(), "%v", err)
				}
				tm.Status = s
			}
		case "type":
			if v != "" {
				ty, err := parseTypeLoose(v)
				if err != nil {
					return errAt(file, line, cc(), "%v", err)
				}
				tm.Type = ty
			}
		case "flags":
			for _, w := range strings.Fields(v) {
				switch strings.ToLower(w) {
				case "case":
					tm.CaseSensitive = true
				case "exact":
					tm.Exact = true
				default:
					return errAt(file, line, cc(), "unknown flag %q (want case or exact)", w)
				}
			}
		case "note":
			tm.Note = normalizeValue(v)
		}
	}
	if id != "" {
		if !ValidID(id) {
			return errAt(file, line, 1, "invalid concept id %q (use lower-case Latin letters, digits, '-', '_' and '.')", id)
		}
	}
	c := t.byID[id]
	if c == nil || id == "" {
		c = t.conceptSlab.next(128)
		c.ID, c.Origin = id, originOf()
		t.g.Concepts = append(t.g.Concepts, c)
		if id != "" {
			t.byID[id] = c
		}
	}
	for i, f := range conceptFields {
		if v := t.fields[i]; v != "" && *conceptField(c, f) == "" {
			*conceptField(c, f) = v
		}
	}
	for i, l := range t.langs {
		tm := t.terms[i]
		if tm == nil {
			continue
		}
		if tm.Text == "" {
			if tm.Status != "" || tm.Type != "" || tm.Note != "" || tm.CaseSensitive || tm.Exact {
				return errAt(file, line, 1, "%s attributes given without a %s term", l, l)
			}
			continue
		}
		if hasTerm(c, tm) {
			continue // a row repeating a synonym of the other language
		}
		c.Terms = append(c.Terms, tm)
	}
	return nil
}

// mergeInto adds the concepts of u, the table read from the records
// after t's, to t, as if t had read those records itself: a concept
// whose id t already holds takes the fields it lacks and the terms it
// does not hold, in order. When last, no table is merged after u, and
// the ids of u's new concepts are not recorded.
func (t *table) mergeInto(u *table, last bool) {
	for _, c := range u.g.Concepts {
		prev := t.byID[c.ID]
		if prev == nil || c.ID == "" {
			t.g.Concepts = append(t.g.Concepts, c)
			if c.ID != "" && !last {
				t.byID[c.ID] = c
			}
			continue
		}
		for _, f := range conceptFields {
			if v := *conceptField(c, f); v != "" && *conceptField(prev, f) == "" {
				*conceptField(prev, f) = v
			}
		}
		for _, tm := range c.Terms {
			if !hasTerm(prev, tm) {
				prev.Terms = append(prev.Terms, tm)
			}
		}
	}
}

// Tables are read in chunks of at least minChunk bytes, at most
// chunkWorkers() at once; chunkReads counts the tables so read. Tests
// set the first two so that small tables are read in chunks too.
var (
	minChunk     = 256 << 10
	chunkWorkers = func() int { return runtime.GOMAXPROCS(0) }
	chunkReads   atomic.Int64
)

// readChunks reads the records of text from byte body on (the header
// row read) in chunks side by side, one per CPU, and merges them in
// order; ok is false when text is too small to be worth it, when it
// cannot be split safely, or when a record is in error: the caller then
// reads it record by record, which reports the first error of the file
// with its exact line and column.
//
// A chunk starts after a newline that ends a record. Without lazy
// quotes (CSV), a newline outside quoted fields is one where the count
// of quotes before it is even: encoding/csv accepts a quote only at a
// field's start, doubled inside a quoted field or closing it. When a
// misplaced quote defeats that count, the reader of the chunk holding it
// fails (a bare or extraneous quote on that line, or an open quoted
// field at the chunk's end) and the text is read again whole. TSV is
// read with lazy quotes, under which a quote may be text: it is split
// only when it has no quote at all.
func (t *table) readChunks(text string, body int, sep rune) (g *Glossary, ok bool) {
	n := min(chunkWorkers(), (len(text)-body)/minChunk)
	if n < 2 || sep == '\t' && strings.IndexByte(text[body:], '"') >= 0 {
		return nil, false
	}
	// Chunk boundaries: starts[i] is where chunk i begins.
	starts := []int{body}
	quotes := 0 // in text[body:at]
	at := body
	for i := 1; i < n; i++ {
		target := body + i*(len(text)-body)/n
		if target <= at {
			continue
		}
		quotes += strings.Count(text[at:target], `"`)
		at = target
		for {
			nl := strings.IndexByte(text[at:], '\n')
			if nl < 0 {
				at = len(text)
				break
			}
			quotes += strings.Count(text[at:at+nl], `"`)
			at += nl + 1
			if quotes%2 == 0 {
				break
			}
		}
		if at >= len(text) {
			break
		}
		starts = append(starts, at)
	}
	if len(starts) < 2 {
		return nil, false
	}
	tables := make([]*table, len(starts))
	errs := make([]error, len(starts))
	var wg sync.WaitGroup
	for i, start := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		chunk := text[start:end]
		u := newTable(t.cols, t.file, &textPos{text: chunk})
		tables[i] = u
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Sized for a concept per line, the most there can be: grown
			// from empty, the map of ids rehashed all it held many times.
			u.byID = make(map[string]*Concept, strings.Count(chunk, "\n")+1)
			r := csv.NewReader(strings.NewReader(chunk))
			r.Comma = sep
			r.FieldsPerRecord = -1
			r.LazyQuotes = sep == '\t'
			r.ReuseRecord = true
			// encoding/csv counts lines from 1 at the chunk's start.
			base := strings.Count(text[:start], "\n")
			errs[i] = eachRecord(r, u.pos, t.file, func(rec []string, line int) error {
				return u.add(rec, base+line, r.FieldPos)
			})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, false
		}
	}
	// The first chunk's table is what t would hold had it read those
	// records itself: taken as it is, and the others merged into it.
	// The ids of the last are not recorded: no later chunk needs them.
	t.g, t.byID = tables[0].g, tables[0].byID
	total := 0
	for _, u := range tables {
		total += len(u.g.Concepts)
	}
	t.g.Concepts = slices.Grow(t.g.Concepts, total-len(t.g.Concepts))
	for i, u := range tables[1:] {
		t.mergeInto(u, i == len(tables)-2)
	}
	chunkReads.Add(1)
	return t.g, true
}

// langRank orders languages ru, en, then the rest alphabetically.
func langRank(l string) string {
	switch l {
	case "ru":
		return "0"
	case "en":
		return "1"
	}
	return "2" + l
}

// hasTerm reports whether c already holds t: same language, same text.
func hasTerm(c *Concept, t *Term) bool {
	for _, o := range c.Terms {
		if o.Lang == t.Lang && o.Text == t.Text {
			return true
		}
	}
	return false
}

// textPos converts encoding/csv's 1-based line and byte column in text
// to the 1-based character column reports use, with a [lang.LineIndex]
// built on the first call, so that a lookup costs the length of its
// line, not of all the text before it.
type textPos struct {
	text    string
	lines   *lang.LineIndex
	scanned int // bytes read by the index and the lookups (tests)
}

func (p *textPos) col(line, byteCol int) int {
	if p.lines == nil {
		p.lines = lang.NewLineIndex(p.text)
		p.scanned += len(p.text)
	}
	p.scanned += max(byteCol-1, 0)
	return p.lines.Col(line, byteCol)
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// eachRecord reads r to its end, calling fn with each record and the
// line it starts on. A CSV syntax error comes back positioned in text
// (see csvError), an error of fn as it is.
func eachRecord(r *csv.Reader, pos *textPos, file string, fn func(rec []string, line int) error) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(pos, file, err)
		}
		line, _ := r.FieldPos(0)
		if err := fn(rec, line); err != nil {
			return err
		}
	}
}

func csvError(pos *textPos, file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: file, Line: pe.Line, Col: pos.col(pe.Line, pe.Column), Msg: pe.Err.Error()}
	}
	return &ParseError{File: file, Err: err}
}

// parseOmegaT reads an OmegaT glossary: headerless rows of source, target
// and an optional comment, tab-separated (sep '\t', no quoting) or
// comma-separated with CSV quoting. Lines starting with '#' are comments.
// The source language is ru unless most first-column terms are written in
// Latin script (then the file is read as English → Russian).
func parseOmegaT(text, file string, sep rune) (*Glossary, error) {
	type row struct {
		line   int
		fields []string
	}
	var rows []row
	if sep == '\t' {
		for i, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
				continue
			}
			rows = append(rows, row{i + 1, strings.Split(l, "\t")})
		}
	} else {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = sep
		r.FieldsPerRecord = -1
		r.Comment = '#'
		err := eachRecord(r, &textPos{text: text}, file, func(rec []string, line int) error {
			rows = append(rows, row{line, rec})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, rw := range rows {
		// OmegaT writes source, target and comment; a wider table is
		// some other layout, which only a header row could explain.
		if n := len(trimEmptyTail(rw.fields)); n > 3 {
			return nil, errAt(file, rw.line, 1, "%d %s-separated columns: an OmegaT glossary has two or three (source, target, comment); a table of more needs a header row naming its ru and en columns", n, sepName(sep))
		}
	}
	cell := func(i, col int) string {
		if col < len(rows[i].fields) {
			return rows[i].fields[col]
		}
		return ""
	}
	src, tgt, err := omegaTLangs(rows, cell)
	if err != nil {
		return nil, &ParseError{File: file, Msg: err.Error()}
	}
	ruCol := 0
	if src == "en" {
		ruCol = 1
	}
	if len(rows) > 1 && headerLike(rows[0].fields, ruCol) {
		return nil, errAt(file, rows[0].line, 1, "the first row (%s) looks like a header but names no ru and en columns; name them ru and en", strings.Join(trimEmptyTail(rows[0].fields), ", "))
	}
	g := &Glossary{}
	for _, rw := range rows {
		if blankRecord(rw.fields) {
			continue
		}
		if len(rw.fields) < 2 {
			return nil, errAt(file, rw.line, 1, "expected two or three %s-separated columns (source, target, comment), got one", sepName(sep))
		}
		origin := fmt.Sprintf("%s:%d", file, rw.line)
		c := &Concept{Origin: origin}
		if s := normalizeTerm(rw.fields[0]); s != "" {
			c.Terms = append(c.Terms, &Term{Text: s, Lang: src, Origin: origin})
		}
		if s := normalizeTerm(rw.fields[1]); s != "" {
			c.Terms = append(c.Terms, &Term{Text: s, Lang: tgt, Origin: origin})
		}
		if len(rw.fields) > 2 {
			c.Note = normalizeValue(strings.Join(rw.fields[2:], "; "))
		}
		g.Concepts = append(g.Concepts, c)
	}
	return fillIDs(g), nil
}

// omegaTLangs decides which column of an OmegaT glossary is Russian by
// script, since the file does not say: the column with more Cyrillic
// terms. A file with no Cyrillic term at all, or Cyrillic in most terms
// of both columns, is no Russian–English glossary and is refused rather
// than read the wrong way (English stored as Russian). An empty file is
// ru → en.
func omegaTLangs[T any](rows []T, cell func(i, col int) string) (src, tgt string, err error) {
	var cyr [2]int
	n := 0
	for i := range rows {
		if strings.TrimSpace(cell(i, 0)+cell(i, 1)) == "" {
			continue
		}
		n++
		for col := range cyr {
			if lang.ScriptOf(cell(i, col)) == lang.Cyrillic {
				cyr[col]++
			}
		}
	}
	switch {
	case n == 0:
		return "ru", "en", nil
	case cyr[0] == 0 && cyr[1] == 0:
		return "", "", errors.New("no term in Cyrillic letters in either column: not a Russian–English OmegaT glossary (it names no languages, so tolmach tells Russian by its letters)")
	case cyr[0]*2 > n && cyr[1]*2 > n:
		return "", "", errors.New("both columns are mostly in Cyrillic letters: not a Russian–English OmegaT glossary")
	case cyr[1] > cyr[0]:
		return "en", "ru", nil
	}
	return "ru", "en", nil
}

// headerLike reports whether the first row of a headerless table reads as
// a header of names (term, term_var, Source, English) rather than a term
// pair: its Russian cell is not Cyrillic and every cell is one word of
// ASCII letters, digits, '_' or '-'.
func headerLike(fields []string, ruCol int) bool {
	if ruCol >= len(fields) || lang.ScriptOf(fields[ruCol]) == lang.Cyrillic {
		return false
	}
	fields = trimEmptyTail(fields)
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			return false
		}
		for _, r := range f {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
				return false
			}
		}
	}
	return len(fields) >= 2
}

// trimEmptyTail drops the empty cells at the end of a row.
func trimEmptyTail(fields []string) []string {
	for len(fields) > 0 && strings.TrimSpace(fields[len(fields)-1]) == "" {
		fields = fields[:len(fields)-1]
	}
	return fields
}

func sepName(sep rune) string {
	switch sep {
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return "comma"
}

// parseStatusLoose accepts a status name in any case, and the TBX names
// (preferredTerm-admn-sts…), for spreadsheets exported from CAT tools.
func parseStatusLoose(v string) (Status, error) {
	if s := tbxStatus(v); s != "" {
		return s, nil
	}
	return ParseStatus(strings.ToLower(v))
}

// parseTypeLoose accepts a type name in any case and the TBX synonyms
// (acronym, initialism → abbreviation; …).
func parseTypeLoose(v string) (Type, error) {
	if t := tbxType(v); t != "" {
		return t, nil
	}
	return ParseType(v)
}

// writeDelimited writes CSV or TSV with a header row. Each concept takes
// as many rows as its most numerous language; the i-th rows pair the i-th
// terms of each language, all sharing the concept id, so that the file
// reads back to the same concepts and terms. Concept fields are written
// on the concept's first row only.
func writeDelimited(w io.Writer, g *Glossary, sep rune) error {
	langs := []string{"ru", "en"}
	seen := map[string]bool{"ru": true, "en": true}
	var others []string
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			if !seen[t.Lang] {
				seen[t.Lang] = true
				others = append(others, t.Lang)
			}
		}
	}
	sort.Strings(others)
	langs = append(langs, others...)
	header := []string{"id"}
	for _, l := range langs {
		header = append(header, l, l+sufStatus, l+sufType, l+sufFlags, l+sufNote)
	}
	// The context column is written only when a concept has a context, so
	// that the files of glossaries without one keep their columns.
	fields := conceptFields
	hasContext := false
	for _, c := range g.Concepts {
		hasContext = hasContext || c.Context != ""
	}
	if !hasContext {
		fields = slices.DeleteFunc(slices.Clone(conceptFields), func(f string) bool { return f == "context" })
	}
	header = append(header, fields...)
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Comma = sep
	if err := cw.Write(header); err != nil {
		return err
	}
	cs := append([]*Concept(nil), g.Concepts...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	for _, c := range cs {
		by := map[string][]*Term{}
		rows := 1
		for _, t := range c.Terms {
			by[t.Lang] = append(by[t.Lang], t)
			rows = max(rows, len(by[t.Lang]))
		}
		for i := 0; i < rows; i++ {
			rec := []string{c.ID}
			for _, l := range langs {
				if i < len(by[l]) {
					t := by[l][i]
					var flags []string
					if t.CaseSensitive {
						flags = append(flags, "case")
					}
					if t.Exact {
						flags = append(flags, "exact")
					}
					rec = append(rec, t.Text, string(t.Status), string(t.Type), strings.Join(flags, " "), t.Note)
				} else {
					rec = append(rec, "", "", "", "", "")
				}
			}
			for _, f := range fields {
				if i == 0 {
					rec = append(rec, *conceptField(c, f))
				} else {
					rec = append(rec, "")
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
