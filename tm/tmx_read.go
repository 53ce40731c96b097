package tm

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tolmach/internal/lang"
)

// ErrMalformed is wrapped by every error about a file tolmach cannot
// read as a translation memory: not well-formed XML, not TMX, a table
// without language columns. The message carries file:line:column.
var ErrMalformed = errors.New("malformed translation memory")

// Header is the TMX <header>: the file-wide defaults of its units.
type Header struct {
	Version             string // the tmx version attribute: 1.1, 1.4…
	SrcLang             string // normalised; "*all*" when any language may be the source
	AdminLang           string
	CreationTool        string
	CreationToolVersion string
	SegType             string
	DataType            string
	Notes               []string
	Props               []Prop
}

// TMXReader reads the units of a TMX document one at a time, so that a
// file of any size is read in constant memory. It accepts TMX 1.1 to
// 1.4b: xml:lang or the older lang attribute, language codes in any case
// with regions, a UTF-8 or UTF-16 byte order mark, UTF-16 without one,
// and any encoding the XML declaration names. External entities and
// DTDs are never fetched.
type TMXReader struct {
	dec    *xml.Decoder
	name   string
	header Header
	done   bool
	// bomless16 is set for UTF-16 recognised without a byte order mark,
	// by the "<?" pattern alone: the XML declaration must then agree.
	bomless16 bool
}

// NewTMXReader reads the TMX prologue and <header> from r. name is used
// in error messages ("name:line:col: …"). Errors wrap [ErrMalformed]
// when the input is not TMX.
func NewTMXReader(r io.Reader, name string) (*TMXReader, error) {
	in, bomless16, err := sniffEncoding(lang.LimitRuns(r))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dec := xml.NewDecoder(in)
	dec.Strict = true
	dec.CharsetReader = charsetReader
	tr := &TMXReader{dec: dec, name: name, bomless16: bomless16}
	if err := tr.readPrologue(); err != nil {
		return nil, err
	}
	return tr, nil
}

// Header returns the file's header, read by [NewTMXReader].
func (r *TMXReader) Header() Header { return r.header }

// sniffEncoding turns UTF-16 input (with or without a byte order mark)
// into UTF-8 and drops a UTF-8 byte order mark; other bytes pass through
// for the XML declaration to name their encoding.
func sniffEncoding(r io.Reader) (in io.Reader, bomless16 bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, false, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, false, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(br, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()), false, nil
	case lang.XMLUTF16(head) == lang.UTF16LE:
		return transform.NewReader(br, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewDecoder()), true, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()), false, nil
	case lang.XMLUTF16(head) == lang.UTF16BE:
		return transform.NewReader(br, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewDecoder()), true, nil
	}
	return br, false, nil
}

// declaredEncoding returns the encoding named in an XML declaration.
func declaredEncoding(inst []byte) string {
	s := string(inst)
	i := strings.Index(s, "encoding")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("encoding"):], " \t\r\n=")
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		return ""
	}
	q := s[0]
	s = s[1:]
	if j := strings.IndexByte(s, q); j >= 0 {
		return s[:j]
	}
	return ""
}

// charsetReader decodes the encodings an XML declaration may name.
// UTF-16 has already been turned into UTF-8 by sniffEncoding.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	if l == "" || l == "utf-8" || l == "utf8" || strings.HasPrefix(l, "utf-16") || l == "ucs-2" {
		return input, nil
	}
	enc, err := htmlindex.Get(l)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// errorf returns an error at the decoder's current position.
func (r *TMXReader) errorf(format string, args ...any) error {
	line, col := r.dec.InputPos()
	return fmt.Errorf("%s:%d:%d: %w: %s", r.name, line, col, ErrMalformed, fmt.Sprintf(format, args...))
}

// token returns the next token, turning decoder errors (bad XML, a
// truncated file) into positioned errors.
func (r *TMXReader) token() (xml.Token, error) {
	t, err := r.dec.Token()
	if err == io.EOF {
		return nil, r.errorf("unexpected end of file")
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, r.errorf("%s", se.Msg)
		}
		var tl *lang.TooLargeError
		if errors.As(err, &tl) && tl.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %w", r.name, tl.Line, err)
		}
		line, col := r.dec.InputPos()
		return nil, fmt.Errorf("%s:%d:%d: %w", r.name, line, col, err)
	}
	return t, nil
}

func (r *TMXReader) readPrologue() error {
	// The root element.
	for {
		t, err := r.dec.Token()
		if err == io.EOF {
			return r.errorf("no <tmx> element")
		}
		if err != nil {
			return r.malformed(err)
		}
		if pi, ok := t.(xml.ProcInst); ok && pi.Target == "xml" && r.bomless16 {
			if enc := strings.ToLower(declaredEncoding(pi.Inst)); enc != "" && !strings.HasPrefix(enc, "utf-16") && enc != "ucs-2" {
				return r.errorf("the file is UTF-16 without a byte order mark but declares encoding %q", declaredEncoding(pi.Inst))
			}
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Local != "tmx" {
				return r.errorf("root element is <%s>, want <tmx>", se.Name.Local)
			}
			r.header.Version = attr(se, "version")
			break
		}
	}
	// <header> then <body>.
	for {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "header":
				if err := r.readHeader(t); err != nil {
					return err
				}
			case "body":
				return nil
			default:
				if err := r.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			return r.errorf("no <body> in <tmx>")
		}
	}
}

func (r *TMXReader) readHeader(se xml.StartElement) error {
	h := &r.header
	h.SrcLang = NormLang(attr(se, "srclang"))
	h.AdminLang = NormLang(attr(se, "adminlang"))
	h.CreationTool = attr(se, "creationtool")
	h.CreationToolVersion = attr(se, "creationtoolversion")
	h.SegType = attr(se, "segtype")
	h.DataType = attr(se, "datatype")
	return r.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "note":
			return r.appendText(&h.Notes)
		case "prop":
			p, err := r.readProp(t)
			if err != nil {
				return err
			}
			h.Props = append(h.Props, p)
		default:
			return r.skip()
		}
		return nil
	})
}

// children reads the content of the element just opened up to its end
// tag, calling child for each element directly inside it; child reads
// or skips that element whole. Text between the elements is ignored.
func (r *TMXReader) children(child func(xml.StartElement) error) error {
	for {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := child(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// appendText reads the text of the element just opened (a <note>) onto
// list.
func (r *TMXReader) appendText(list *[]string) error {
	s, err := r.text()
	if err == nil {
		*list = append(*list, s)
	}
	return err
}

// malformed positions an error of the XML decoder outside the units (the
// prologue and the epilogue) as a malformed TM, with the decoder's own
// words for a syntax error.
func (r *TMXReader) malformed(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return r.errorf("%s", se.Msg)
	}
	return r.errorf("%v", err)
}

// readProp reads a <prop> of a header or a unit: its type, language and
// text.
func (r *TMXReader) readProp(se xml.StartElement) (Prop, error) {
	s, err := r.text()
	if err != nil {
		return Prop{}, err
	}
	return Prop{Type: attr(se, "type"), Value: s, Lang: NormLang(langAttr(se))}, nil
}

// Next returns the next unit, or io.EOF after the last one once the rest
// of the document has been checked to be complete: a truncated file is
// an error, never a shorter TM.
func (r *TMXReader) Next() (Unit, error) {
	if r.done {
		return Unit{}, io.EOF
	}
	for {
		t, err := r.token()
		if err != nil {
			return Unit{}, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local == "tu" {
				return r.readTU(t)
			}
			if err := r.skip(); err != nil {
				return Unit{}, err
			}
		case xml.EndElement:
			// </body>: the rest must be </tmx> and the end of the file.
			if err := r.readEpilogue(); err != nil {
				return Unit{}, err
			}
			r.done = true
			return Unit{}, io.EOF
		}
	}
}

func (r *TMXReader) readEpilogue() error {
	for {
		t, err := r.dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.malformed(err)
		}
		if se, ok := t.(xml.StartElement); ok {
			return r.errorf("unexpected <%s> after </body>", se.Name.Local)
		}
	}
}

func (r *TMXReader) readTU(se xml.StartElement) (Unit, error) {
	u := Unit{
		ID:      attr(se, "tuid"),
		SrcLang: NormLang(attr(se, "srclang")),
		Creator: attr(se, "creationid"),
		Changer: attr(se, "changeid"),
		Created: parseTMXDate(attr(se, "creationdate")),
		Changed: parseTMXDate(attr(se, "changedate")),
	}
	if u.SrcLang == "" && r.header.SrcLang != "*all*" {
		u.SrcLang = r.header.SrcLang
	}
	err := r.children(func(t xml.StartElement) error {
		switch t.Name.Local {
		case "note":
			return r.appendText(&u.Notes)
		case "prop":
			p, err := r.readProp(t)
			if err != nil {
				return err
			}
			if isDocumentProp(p.Type) && u.Document == "" {
				u.Document = p.Value
			} else {
				u.Props = append(u.Props, p)
			}
		case "tuv":
			seg, ok, err := r.readTUV(t)
			if err != nil {
				return err
			}
			if ok {
				u.Segments = append(u.Segments, seg)
			}
		default:
			return r.skip()
		}
		return nil
	})
	if err != nil {
		return Unit{}, err
	}
	return u, nil
}

// isDocumentProp reports whether a prop type names the source document,
// as CAT tools spell it.
func isDocumentProp(typ string) bool {
	switch strings.ToLower(typ) {
	case "x-document", "x-file", "x-source", "x-doc", "x-filename":
		return true
	}
	return false
}

func (r *TMXReader) readTUV(se xml.StartElement) (Segment, bool, error) {
	code := strings.TrimSpace(langAttr(se))
	if code == "" {
		return Segment{}, false, r.errorf("<tuv> without xml:lang")
	}
	seg := Segment{Lang: NormLang(code)}
	found := false
	err := r.children(func(t xml.StartElement) error {
		if t.Name.Local != "seg" {
			return r.skip()
		}
		found = true
		return r.readSeg(&seg)
	})
	if err != nil {
		return Segment{}, false, err
	}
	if !found {
		return Segment{}, false, r.errorf("<tuv xml:lang=%q> without <seg>", code)
	}
	return seg, true, nil
}

// codeElements hold native codes, not text: their content is kept in
// Markup and left out of Text.
var codeElements = map[string]bool{"bpt": true, "ept": true, "ph": true, "it": true, "ut": true}

// readSeg reads the content of <seg>: plain text into seg.Text and, when
// there are inline elements, the inner XML into seg.Markup. It checks
// that every <ept> closes an open <bpt> of the same i.
func (r *TMXReader) readSeg(seg *Segment) error {
	line, _ := r.dec.InputPos()
	var text, markup strings.Builder
	// Beyond this many bytes no text can be within lang.MaxSegmentLen
	// characters: stop before holding more.
	const maxBytes = 4 * lang.MaxSegmentLen
	inline := false
	inCode := 0
	depth := 0
	open := map[string]bool{}
	for {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			if inCode == 0 {
				text.Write(t)
			}
			if inline {
				escapeText(&markup, string(t))
			}
			if text.Len() > maxBytes || markup.Len() > lang.MaxLineSize {
				return fmt.Errorf("%s:%d: %w", r.name, line, &lang.TooLargeError{What: "segment", Size: lang.MaxSegmentLen, AtLeast: true,
					Limit: lang.MaxSegmentLen, Unit: "characters", Reads: "segments", Hint: "a segment is a sentence or a paragraph"})
			}
		case xml.StartElement:
			if !inline {
				// Markup is needed from the first inline element on; the
				// text before it is all character data so far.
				escapeText(&markup, text.String())
				inline = true
			}
			depth++
			name := t.Name.Local
			switch name {
			case "bpt":
				i := attr(t, "i")
				if open[i] {
					return r.errorf("<bpt i=%q> opened twice", i)
				}
				open[i] = true
			case "ept":
				i := attr(t, "i")
				if !open[i] {
					return r.errorf("<ept i=%q> without an open <bpt i=%q>", i, i)
				}
				delete(open, i)
			}
			if codeElements[name] || inCode > 0 {
				inCode++
			}
			markup.WriteByte('<')
			markup.WriteString(name)
			for _, a := range t.Attr {
				markup.WriteByte(' ')
				if a.Name.Space != "" {
					markup.WriteString("xml:")
				}
				markup.WriteString(a.Name.Local)
				markup.WriteString(`="`)
				escapeAttr(&markup, a.Value)
				markup.WriteByte('"')
			}
			markup.WriteByte('>')
		case xml.EndElement:
			if depth == 0 {
				seg.Text = text.String()
				if inline {
					seg.Markup = markup.String()
				}
				if err := lang.CheckSegment(seg.Text); err != nil {
					return fmt.Errorf("%s:%d: %w", r.name, line, err)
				}
				return nil
			}
			depth--
			if inCode > 0 {
				inCode--
			}
			markup.WriteString("</")
			markup.WriteString(t.Name.Local)
			markup.WriteByte('>')
		}
	}
}

// text returns the character data of the element just started, skipping
// any markup inside it.
func (r *TMXReader) text() (string, error) {
	line, _ := r.dec.InputPos()
	var b strings.Builder
	depth := 0
	for {
		t, err := r.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
			if b.Len() > lang.MaxLineSize {
				return "", fmt.Errorf("%s:%d: %w", r.name, line, &lang.TooLargeError{What: "note or property", Size: lang.MaxLineSize, AtLeast: true,
					Limit: lang.MaxLineSize, Unit: "bytes", Reads: "notes and properties"})
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// skip consumes the element just started.
func (r *TMXReader) skip() error {
	depth := 0
	for {
		t, err := r.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || name == "lang") {
			return a.Value
		}
	}
	return ""
}

// langAttr returns xml:lang, or the TMX 1.1 lang attribute.
func langAttr(se xml.StartElement) string {
	var plain string
	for _, a := range se.Attr {
		if a.Name.Local == "lang" {
			if a.Name.Space != "" {
				return a.Value
			}
			plain = a.Value
		}
	}
	return plain
}

// tmxDate is the TMX date format (ISO 8601 basic, UTC).
const tmxDate = "20060102T150405Z"

func parseTMXDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(tmxDate, strings.TrimSpace(s))
	if err != nil {
		return time.Time{} // a bad date is metadata lost, not a reason to refuse the unit
	}
	return t
}

func escapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

func escapeAttr(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\n':
			b.WriteString("&#10;")
		case '\t':
			b.WriteString("&#9;")
		default:
			b.WriteByte(c)
		}
	}
}
