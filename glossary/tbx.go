package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	xunicode "golang.org/x/text/encoding/unicode"

	"tolmach/internal/lang"
)

// flagsNote is the termNote type under which tolmach keeps, in TBX, what
// TBX has no data category for: "case", "exact" and "forbidden" (TBX's
// administrativeStatus knows no forbidden; such terms are written as
// deprecated plus this note). Other tools ignore it.
const flagsNote = "x-tolmach-flags"

// optionalNote is the termNote type under which tolmach keeps, in TBX, a
// term with optional words as the native format writes it («Конгресс
// [США]»); the <term> itself holds the term in full, which is what other
// tools read.
const optionalNote = "x-tolmach-optional"

// contextAdmin is the admin type under which tolmach keeps, in TBX, a
// concept's context words (Concept.Context).
const contextAdmin = "x-tolmach-context"

// tbxReader holds the state of one streaming TBX parse.
type tbxReader struct {
	tz    tokenizer
	file  string
	g     *Glossary
	stack []string // local names of the open elements
	c     *Concept // the open termEntry / conceptEntry
	lang  string   // the open langSet / langSec's language
	t     *Term    // the open term container (tig, ntig, termSec)
	tLine int
	// defLang is the language of the langSet the concept's definition
	// came from ("" for the entry level), so that a Russian or English
	// definition replaces another language's.
	defLang string
	// A 100k-concept file has 300k terms: carved from slabs, and their
	// origins made without fmt, they cost a fraction of the allocations.
	termSlab    slab[Term]
	conceptSlab slab[Concept]
	textBuf     []byte // the buffer of text, reused
	root        string // the root element's name, once read
	// partial is set when the reader reads one piece of a file
	// (tbxsplit.go): an end tag that closes nothing the piece opened is
	// then kept in unclosed, and elements still open at the piece's end
	// stay on the stack, for the caller to match across pieces.
	partial  bool
	unclosed []string
}

// tbxKinds maps the data categories tolmach reads, lower-cased, to their
// TBX spelling: tools write type="Definition" or "SubjectField" as often
// as the standard's camel case.
var tbxKinds = map[string]string{}

func init() {
	for _, k := range []string{"administrativeStatus", "normativeAuthorization", "termType", flagsNote, "subjectField", "definition", "note", "source", "abbreviatedFormFor", optionalNote, contextAdmin} {
		tbxKinds[strings.ToLower(k)] = k
		tbxKinds[k] = k
	}
}

// parseTBX reads TBX v2 (<martif>) and v3 (<tbx>), DCA and DCT styles,
// streaming. Nothing is ever fetched: neither tokenizer resolves a
// DOCTYPE or expands entities it does not know (an unknown entity is an
// error, so expansion is bounded by construction).
//
// UTF-8 input is first read with a fast tokenizer (fastxml.go) that
// accepts only plain well-formed XML; on anything else — another
// encoding, an error of any kind — the file is read again with
// encoding/xml, whose result and messages are authoritative.
func parseTBX(data []byte, file string) (*Glossary, error) {
	return parseTBXWith(data, file, true)
}

// parseTBXWith is parseTBX, with the fast path only when fast is true
// (the fuzz test compares both paths).
func parseTBXWith(data []byte, file string, fast bool) (*Glossary, error) {
	var utf16 bool
	switch {
	case lang.XMLUTF16(data) != "":
		// UTF-16 without a byte order mark, told by its declaration.
		order := xunicode.LittleEndian
		if lang.XMLUTF16(data) == lang.UTF16BE {
			order = xunicode.BigEndian
		}
		out, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, &ParseError{File: file, Msg: "decoding UTF-16", Err: err}
		}
		data, utf16 = out, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, &ParseError{File: file, Msg: "decoding UTF-16", Err: err}
		}
		data, utf16 = out, true
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	}
	if fast && !utf16 {
		if g, ok := parseTBXSplit(data, file, runtime.GOMAXPROCS(0), splitMinPiece); ok {
			return g, nil
		}
		if fx := newFastXML(data); fx != nil {
			r := &tbxReader{tz: fx, file: file, g: &Glossary{}}
			err := r.run()
			if err == nil {
				return fillIDs(r.g), nil
			}
			if errors.Is(err, lang.ErrTooLarge) {
				return nil, err // encoding/xml would only say the same, slower
			}
		}
	}
	d := xml.NewDecoder(lang.LimitRuns(bytes.NewReader(data)))
	d.Strict = true
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		l := strings.ToLower(strings.TrimSpace(label))
		if utf16 && strings.HasPrefix(l, "utf-16") || l == "utf-8" || l == "utf8" {
			return input, nil // already UTF-8
		}
		enc, err := ianaindex.IANA.Encoding(l)
		if err != nil || enc == nil {
			if enc, err = htmlindex.Get(l); err != nil {
				return nil, fmt.Errorf("unsupported encoding %q declared", label)
			}
		}
		if enc == xunicode.UTF8 || enc == encoding.Nop {
			return input, nil
		}
		return enc.NewDecoder().Reader(input), nil
	}
	r := &tbxReader{tz: &stdXML{d: d}, file: file, g: &Glossary{}}
	if err := r.run(); err != nil {
		return nil, err
	}
	return fillIDs(r.g), nil
}

// tokKind is the kind of an xtok.
type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// xtok is one XML token as the TBX reader needs it. attrs and text are
// only valid until the next token is read.
type xtok struct {
	kind  tokKind
	name  string // local name of a start or end tag
	attrs []xml.Attr
	text  []byte
}

// tokenizer is what the TBX reader reads tokens from: encoding/xml
// (stdXML) or the fast path (fastXML). next returns io.EOF at the end.
type tokenizer interface {
	next() (xtok, error)
	pos() (line, col int)
}

// stdXML adapts encoding/xml's RawToken (no namespace translation: the
// reader matches local names, and "xml:lang" keeps its prefix).
type stdXML struct{ d *xml.Decoder }

func (x *stdXML) next() (xtok, error) {
	for {
		tok, err := x.d.RawToken()
		if err != nil {
			return xtok{}, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			return xtok{kind: tokStart, name: el.Name.Local, attrs: el.Attr}, nil
		case xml.EndElement:
			return xtok{kind: tokEnd, name: el.Name.Local}, nil
		case xml.CharData:
			return xtok{kind: tokText, text: el}, nil
		}
	}
}

func (x *stdXML) pos() (int, int) { return x.d.InputPos() }

func (r *tbxReader) errorf(format string, args ...any) error {
	line, col := r.tz.pos()
	return errAt(r.file, line, col, format, args...)
}

func (r *tbxReader) xmlError(err error) error {
	line, col := r.tz.pos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Line != line {
			col = 0
		}
		return &ParseError{File: r.file, Line: se.Line, Col: col, Msg: "malformed XML: " + se.Msg}
	}
	var tl *lang.TooLargeError
	if errors.As(err, &tl) && tl.Line > 0 {
		line, col = tl.Line, 0
	}
	return &ParseError{File: r.file, Line: line, Col: col, Err: err}
}

func attrOf(attrs []xml.Attr, local string) string {
	for _, a := range attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (r *tbxReader) run() error {
	for {
		tok, err := r.tz.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.xmlError(err)
		}
		switch tok.kind {
		case tokStart:
			name := tok.name
			if r.root == "" {
				if name != "martif" && name != "tbx" {
					return r.errorf("not a TBX file: the root element is <%s>, want <martif> (TBX v2) or <tbx> (TBX v3)", name)
				}
				r.root = name
			}
			r.stack = append(r.stack, name)
			if err := r.start(tok); err != nil {
				return err
			}
		case tokEnd:
			n := len(r.stack)
			if n == 0 && r.partial {
				r.unclosed = append(r.unclosed, tok.name)
				r.end(tok.name)
				continue
			}
			if n == 0 || r.stack[n-1] != tok.name {
				want := "nothing"
				if n > 0 {
					want = "</" + r.stack[n-1] + ">"
				}
				return r.errorf("malformed XML: </%s> closes %s", tok.name, want)
			}
			r.stack = r.stack[:n-1]
			r.end(tok.name)
		}
	}
	if r.partial {
		return nil
	}
	if r.root == "" {
		return errAt(r.file, 1, 1, "not a TBX file: no <martif> or <tbx> element")
	}
	if len(r.stack) > 0 {
		return r.errorf("malformed XML: unexpected end of file inside <%s>", r.stack[len(r.stack)-1])
	}
	return nil
}

// text reads the character data of the element just opened, up to its
// end tag, including the text of inline children (<hi>, <ph>…).
func (r *tbxReader) text() (string, error) {
	// The text gathers in a buffer kept between calls (a token's text is
	// only valid until the next token), so that it is copied once more,
	// to its string, rather than grown afresh for every element.
	b := r.textBuf[:0]
	depth := 0
	for {
		tok, err := r.tz.next()
		if err != nil {
			if err == io.EOF {
				return "", r.errorf("malformed XML: unexpected end of file inside <%s>", r.stack[len(r.stack)-1])
			}
			return "", r.xmlError(err)
		}
		switch tok.kind {
		case tokText:
			if len(b)+len(tok.text) > lang.MaxLineSize {
				line, _ := r.tz.pos()
				return "", &ParseError{File: r.file, Line: line, Err: &lang.TooLargeError{What: "the text of <" + r.stack[len(r.stack)-1] + ">",
					Size: lang.MaxLineSize, AtLeast: true, Limit: lang.MaxLineSize, Unit: "bytes", Reads: "element texts"}}
			}
			b = append(b, tok.text...)
		case tokStart:
			depth++
		case tokEnd:
			if depth == 0 {
				want := r.stack[len(r.stack)-1]
				if tok.name != want {
					return "", r.errorf("malformed XML: </%s> closes <%s>", tok.name, want)
				}
				r.stack = r.stack[:len(r.stack)-1]
				r.textBuf = b
				return string(b), nil
			}
			depth--
		}
	}
}

func (r *tbxReader) start(el xtok) error {
	name := el.name
	switch name {
	case "termEntry", "conceptEntry":
		line, _ := r.tz.pos()
		r.c = r.conceptSlab.next(128)
		r.c.ID, r.c.Origin = SanitizeID(attrOf(el.attrs, "id")), r.file+":"+strconv.Itoa(line)
		r.defLang = ""
		return nil
	case "langSet", "langSec":
		r.lang = NormalizeLang(attrOf(el.attrs, "lang"))
		if r.c == nil {
			return r.errorf("<%s> outside a concept entry", name)
		}
		if r.lang == "" {
			return r.errorf("<%s> without xml:lang", name)
		}
		if !isLangCode(r.lang) {
			return r.errorf("<%s> has an invalid xml:lang %q", name, attrOf(el.attrs, "lang"))
		}
		return nil
	case "tig", "ntig", "termSec":
		r.closeTerm()
		r.openTerm()
		return nil
	case "term":
		if r.lang == "" {
			return r.errorf("<term> outside a langSet")
		}
		if r.t == nil || r.t.Text != "" {
			r.closeTerm()
			r.openTerm()
		}
		s, err := r.text()
		if err != nil {
			return err
		}
		r.t.Text = normalizeTerm(s)
		return nil
	}
	kind := ""
	switch name {
	case "termNote", "descrip", "admin":
		kind = attrOf(el.attrs, "type")
		if _, ok := tbxKinds[kind]; ok {
			// already the TBX spelling: most files, and no lower-cased copy
		} else if k, ok := tbxKinds[strings.ToLower(strings.TrimSpace(kind))]; ok {
			kind = k
		}
	case "note":
		kind = "note"
	case "administrativeStatus", "normativeAuthorization", "termType", "subjectField", "definition":
		kind = name // TBX v3 DCT style: the data category is the element
	default:
		return nil
	}
	if r.c == nil {
		return nil // header notes and the like
	}
	switch kind {
	case "administrativeStatus", "normativeAuthorization", "termType", flagsNote, "subjectField", "definition", "note", "source",
		optionalNote, contextAdmin:
	case "abbreviatedFormFor":
		// The term is an abbreviation of the full form named.
		if r.t != nil && r.t.Type == "" {
			r.t.Type = Abbreviation
		}
		return nil
	default:
		return nil
	}
	s, err := r.text()
	if err != nil {
		return err
	}
	v := normalizeValue(s)
	switch kind {
	case "administrativeStatus", "normativeAuthorization":
		if r.t != nil {
			if st := tbxStatus(v); st != "" && r.t.Status != Forbidden {
				r.t.Status = st
			}
		}
	case "termType":
		if r.t != nil {
			r.t.Type = tbxType(v)
		}
	case flagsNote:
		if r.t != nil {
			for _, f := range strings.Fields(v) {
				switch f {
				case "case":
					r.t.CaseSensitive = true
				case "exact":
					r.t.Exact = true
				case "forbidden":
					r.t.Status = Forbidden
				}
			}
		}
	case "subjectField":
		if r.c.Domain == "" {
			r.c.Domain = v
		}
	case "definition":
		// The first definition, unless it is another language's and a
		// Russian or English one follows.
		if r.c.Definition == "" || !ruOrEn(r.defLang) && ruOrEn(r.lang) {
			r.c.Definition, r.defLang = v, r.lang
			if r.lang == "" {
				r.defLang = "en" // the entry's own definition stays
			}
		}
	case "source":
		if r.t == nil && r.lang == "" && r.c.Source == "" {
			r.c.Source = v
		}
	case contextAdmin:
		if r.t == nil && r.lang == "" && r.c.Context == "" {
			r.c.Context = v
		}
	case optionalNote:
		// The marked form replaces the term only if it is the same term.
		if r.t != nil {
			marked := &Term{Text: normalizeTerm(v)}
			if marked.HasOptional() && marked.FullText() == r.t.Text {
				r.t.Text = marked.Text
			}
		}
	case "note":
		switch {
		case r.t != nil:
			r.t.Note = joinNote(r.t.Note, v)
		default:
			r.c.Note = joinNote(r.c.Note, v)
		}
	}
	return nil
}

// ruOrEn reports whether a normalised language code is Russian or English.
func ruOrEn(l string) bool { return l == "ru" || l == "en" }

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "\n" + b
}

func (r *tbxReader) openTerm() {
	line, _ := r.tz.pos()
	r.t = r.termSlab.next(256)
	r.t.Lang = r.lang
	r.tLine = line
}

// closeTerm adds the open term to the concept, if it has text.
func (r *tbxReader) closeTerm() {
	if r.t != nil && r.t.Text != "" && r.c != nil {
		r.t.Origin = r.file + ":" + strconv.Itoa(r.tLine)
		r.c.Terms = append(r.c.Terms, r.t)
	}
	r.t = nil
}

func (r *tbxReader) end(name string) {
	switch name {
	case "tig", "ntig", "termSec":
		r.closeTerm()
	case "langSet", "langSec":
		r.closeTerm()
		r.lang = ""
	case "termEntry", "conceptEntry":
		r.closeTerm()
		if r.c != nil {
			r.g.Concepts = append(r.g.Concepts, r.c)
		}
		r.c, r.lang = nil, ""
	}
}

// tbxStatus maps a TBX administrativeStatus or normativeAuthorization
// value (and plain status names) to a Status, "" when unknown.
func tbxStatus(v string) Status {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.TrimSuffix(v, "-admn-sts")
	v = strings.TrimSuffix(v, "term")
	switch v {
	case "preferred", "standardized", "legal", "regulated":
		return Preferred
	case "admitted":
		return Admitted
	case "deprecated", "superseded", "obsolete", "notrecommended", "not recommended":
		return Deprecated
	case "forbidden", "rejected", "prohibited":
		return Forbidden
	}
	return ""
}

// tbxType maps a TBX termType value to a Type, "" when it has no
// counterpart (the term then counts as a full form).
func tbxType(v string) Type {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "fullform", "entryterm", "internationalscientificterm", "commonname", "transcribedform", "transliteratedform":
		return FullForm
	case "abbreviation", "abbreviatedform", "acronym", "initialism":
		return Abbreviation
	case "shortform", "clippedterm", "shortcut":
		return ShortForm
	case "phrase", "setphrase", "phraseologicalunit", "collocation", "standardtext":
		return Phrase
	case "variant", "synonym", "orthographicvariant", "spellingvariant":
		return Variant
	}
	return ""
}
