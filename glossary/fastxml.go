package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// errFastXML is returned by the fast tokenizer for anything it does not
// handle; the caller then reads the file with encoding/xml, which gives
// the authoritative result or error message.
var errFastXML = errors.New("fast XML path: not handled")

// fastXML is a minimal XML tokenizer for the common case of large TBX
// files: UTF-8, no entity but the five predefined ones and character
// references, no DTD use. It skips the XML declaration, comments,
// processing instructions and a DOCTYPE (internal subset included, never
// fetched or used), and returns start tags, end tags and text without
// copying where it can. It is several times faster than encoding/xml,
// which allocates for every token. It checks what the TBX reader relies
// on and gives up (errFastXML) on anything unusual, never on a guess.
type fastXML struct {
	data    []byte
	p       int // read position
	pending string
	hasEnd  bool // a self-closing tag's end is pending
	names   map[string]string
	attrs   []xml.Attr
	buf     []byte
	// line counting, done lazily for pos
	lineAt, line, lineStart int
}

// newFastXML returns a fast tokenizer for data, or nil when data is not
// plain UTF-8 XML (invalid UTF-8, control characters, or an XML
// declaration naming another encoding).
func newFastXML(data []byte) *fastXML {
	if !plainXMLChars(data) {
		return nil
	}
	return fastXMLAt(data, 0)
}

// plainXMLChars reports whether data is valid UTF-8 without control
// characters but tab and line ends, as the fast tokenizer requires.
func plainXMLChars(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// fastXMLAt returns a fast tokenizer of data, already checked with
// plainXMLChars, that starts reading at p (the XML declaration is only
// looked for at 0); nil as for newFastXML.
func fastXMLAt(data []byte, p int) *fastXML {
	x := &fastXML{data: data, p: p, names: map[string]string{}, line: 1}
	if p == 0 && bytes.HasPrefix(data, []byte("<?xml")) {
		end := bytes.Index(data, []byte("?>"))
		if end < 0 {
			return nil
		}
		decl := data[:end]
		if v, ok := declValue(decl, "encoding"); !ok || (v != "" && v != "utf-8" && v != "utf8") {
			return nil
		}
		// encoding/xml refuses any version but 1.0: let it say so.
		if v, ok := declValue(decl, "version"); !ok || (v != "" && v != "1.0") {
			return nil
		}
		x.p = end + 2
	}
	return x
}

// declValue returns the value of a pseudo-attribute of an XML
// declaration, lower-cased ("" when absent); ok is false when it is
// there but not quoted.
func declValue(decl []byte, name string) (v string, ok bool) {
	i := bytes.Index(decl, []byte(name))
	if i < 0 {
		return "", true
	}
	b := bytes.ToLower(decl[i+len(name):])
	b = bytes.TrimLeft(b, " \t\r\n=")
	if len(b) < 2 || (b[0] != '"' && b[0] != '\'') {
		return "", false
	}
	q := bytes.IndexByte(b[1:], b[0])
	if q < 0 {
		return "", false
	}
	return string(b[1 : 1+q]), true
}

// pos returns the 1-based line and column of the read position.
func (x *fastXML) pos() (int, int) {
	if x.p < x.lineAt {
		x.lineAt, x.line, x.lineStart = 0, 1, 0
	}
	seg := x.data[x.lineAt:x.p]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		x.line += n
		x.lineStart = x.lineAt + bytes.LastIndexByte(seg, '\n') + 1
	}
	x.lineAt = x.p
	return x.line, runeCount(x.data[x.lineStart:x.p]) + 1
}

// runeCount counts the characters of valid UTF-8 (the fast path's input
// is checked) without utf8.RuneCount's copy of non-ASCII input into a
// string, which on a long line costs the line's size in memory.
func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// name reads a name at x.p; it returns the interned prefix and local
// part.
func (x *fastXML) name() (space, local string, ok bool) {
	start := x.p
	for x.p < len(x.data) && isNameByte(x.data[x.p]) {
		x.p++
	}
	b := x.data[start:x.p]
	if len(b) == 0 || b[0] >= '0' && b[0] <= '9' || b[0] == '-' || b[0] == '.' {
		return "", "", false
	}
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		if i == 0 || i == len(b)-1 || bytes.IndexByte(b[i+1:], ':') >= 0 {
			return "", "", false
		}
		return x.intern(b[:i]), x.intern(b[i+1:]), true
	}
	return "", x.intern(b), true
}

func (x *fastXML) intern(b []byte) string {
	if s, ok := x.names[string(b)]; ok {
		return s
	}
	s := string(b)
	x.names[s] = s
	return s
}

func (x *fastXML) skipSpace() {
	for x.p < len(x.data) && isSpaceByte(x.data[x.p]) {
		x.p++
	}
}

// skipPast moves past the next occurrence of s; false if there is none.
func (x *fastXML) skipPast(s string) bool {
	i := bytes.Index(x.data[x.p:], []byte(s))
	if i < 0 {
		return false
	}
	x.p += i + len(s)
	return true
}

func (x *fastXML) next() (xtok, error) {
	if x.hasEnd {
		x.hasEnd = false
		return xtok{kind: tokEnd, name: x.pending}, nil
	}
	for {
		if x.p >= len(x.data) {
			return xtok{}, io.EOF
		}
		if x.data[x.p] != '<' {
			return x.text()
		}
		rest := x.data[x.p:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			x.p += 4
			start := x.p
			if !x.skipPast("-->") {
				return xtok{}, errFastXML
			}
			// "--" inside a comment (or "--->" at its end) is an
			// error for encoding/xml: leave it to say so.
			if body := x.data[start : x.p-3]; bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
				return xtok{}, errFastXML
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			start := x.p + 9
			if !x.skipPast("]]>") {
				return xtok{}, errFastXML
			}
			return xtok{kind: tokText, text: x.data[start : x.p-3]}, nil
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			if err := x.skipDoctype(); err != nil {
				return xtok{}, err
			}
		case bytes.HasPrefix(rest, []byte("<?")):
			if bytes.HasPrefix(rest, []byte("<?xml")) && len(rest) > 5 && (isSpaceByte(rest[5]) || rest[5] == '?') {
				return xtok{}, errFastXML // a declaration not at the start: encoding/xml decides
			}
			x.p += 2
			if !x.piTarget() {
				return xtok{}, errFastXML
			}
			if !x.skipPast("?>") {
				return xtok{}, errFastXML
			}
		case bytes.HasPrefix(rest, []byte("</")):
			x.p += 2
			_, local, ok := x.name()
			if !ok {
				return xtok{}, errFastXML
			}
			x.skipSpace()
			if x.p >= len(x.data) || x.data[x.p] != '>' {
				return xtok{}, errFastXML
			}
			x.p++
			return xtok{kind: tokEnd, name: local}, nil
		case len(rest) > 1 && rest[1] == '!':
			return xtok{}, errFastXML
		default:
			return x.startTag()
		}
	}
}

// piTarget moves past the target of a processing instruction at x.p
// and reports whether it is a plain ASCII name; any other target
// ("<?0?>", "<??>", non-ASCII) is left to encoding/xml, which rejects
// what is not a name.
func (x *fastXML) piTarget() bool {
	start := x.p
	for x.p < len(x.data) && x.data[x.p] < 0x80 && isNameByte(x.data[x.p]) {
		x.p++
	}
	if x.p == start || x.p < len(x.data) && x.data[x.p] >= 0x80 {
		return false
	}
	c := x.data[start]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

// skipDoctype skips <!DOCTYPE …> (internal subset and quoted strings
// included; nothing in it is used) where encoding/xml would end it: at
// the first '>' outside quotes that closes every '<' opened inside. A
// comment inside is left to encoding/xml (errFastXML), as is a DOCTYPE
// that does not end.
func (x *fastXML) skipDoctype() error {
	x.p += len("<!DOCTYPE")
	depth := 0
	for x.p < len(x.data) {
		c := x.data[x.p]
		x.p++
		switch c {
		case '"', '\'':
			i := bytes.IndexByte(x.data[x.p:], c)
			if i < 0 {
				return errFastXML
			}
			x.p += i + 1
		case '<':
			if bytes.HasPrefix(x.data[x.p:], []byte("!--")) {
				return errFastXML
			}
			depth++
		case '>':
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
	return errFastXML
}

func (x *fastXML) startTag() (xtok, error) {
	x.p++ // '<'
	_, local, ok := x.name()
	if !ok {
		return xtok{}, errFastXML
	}
	x.attrs = x.attrs[:0]
	for {
		sp := x.p
		x.skipSpace()
		if x.p >= len(x.data) {
			return xtok{}, errFastXML
		}
		switch x.data[x.p] {
		case '>':
			x.p++
			return xtok{kind: tokStart, name: local, attrs: x.attrs}, nil
		case '/':
			if x.p+1 >= len(x.data) || x.data[x.p+1] != '>' {
				return xtok{}, errFastXML
			}
			x.p += 2
			x.pending, x.hasEnd = local, true
			return xtok{kind: tokStart, name: local, attrs: x.attrs}, nil
		}
		if x.p == sp {
			return xtok{}, errFastXML // attributes must be separated by space
		}
		space, alocal, ok := x.name()
		if !ok {
			return xtok{}, errFastXML
		}
		x.skipSpace()
		if x.p >= len(x.data) || x.data[x.p] != '=' {
			return xtok{}, errFastXML
		}
		x.p++
		x.skipSpace()
		if x.p >= len(x.data) || x.data[x.p] != '"' && x.data[x.p] != '\'' {
			return xtok{}, errFastXML
		}
		q := x.data[x.p]
		x.p++
		end := bytes.IndexByte(x.data[x.p:], q)
		if end < 0 {
			return xtok{}, errFastXML
		}
		raw := x.data[x.p : x.p+end]
		x.p += end + 1
		if bytes.IndexByte(raw, '<') >= 0 {
			return xtok{}, errFastXML
		}
		val, ok := x.unescape(raw, true)
		if !ok {
			return xtok{}, errFastXML
		}
		for _, a := range x.attrs {
			if a.Name.Space == space && a.Name.Local == alocal {
				return xtok{}, errFastXML // duplicate attribute
			}
		}
		x.attrs = append(x.attrs, xml.Attr{Name: xml.Name{Space: space, Local: alocal}, Value: string(val)})
	}
}

// text returns the character data up to the next '<'.
func (x *fastXML) text() (xtok, error) {
	end := bytes.IndexByte(x.data[x.p:], '<')
	if end < 0 {
		end = len(x.data) - x.p
	}
	raw := x.data[x.p : x.p+end]
	x.p += end
	if bytes.Contains(raw, []byte("]]>")) {
		return xtok{}, errFastXML
	}
	val, ok := x.unescape(raw, false)
	if !ok {
		return xtok{}, errFastXML
	}
	return xtok{kind: tokText, text: val}, nil
}

// unescape resolves the predefined entities and character references of
// raw, and normalises line ends (\r\n and \r → \n) as encoding/xml does,
// in text and attribute values alike. It returns raw itself when there is
// nothing to do.
func (x *fastXML) unescape(raw []byte, attr bool) ([]byte, bool) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return raw, true
	}
	x.buf = x.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return nil, false
			}
			ent := raw[i+1 : i+semi]
			i += semi
			switch string(ent) {
			case "lt":
				x.buf = append(x.buf, '<')
			case "gt":
				x.buf = append(x.buf, '>')
			case "amp":
				x.buf = append(x.buf, '&')
			case "apos":
				x.buf = append(x.buf, '\'')
			case "quot":
				x.buf = append(x.buf, '"')
			default:
				if len(ent) < 2 || ent[0] != '#' {
					return nil, false
				}
				var n uint64
				var err error
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
				r := rune(n)
				if err != nil || !isXMLChar(r) {
					return nil, false
				}
				x.buf = utf8.AppendRune(x.buf, r)
			}
		case c == '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			x.buf = append(x.buf, '\n')
		default:
			x.buf = append(x.buf, c)
		}
	}
	return x.buf, true
}

// isXMLChar reports whether r may appear in an XML document (XML 1.0 Char).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
