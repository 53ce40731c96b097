package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// encodeIndented writes v as JSON indented by two spaces, HTML left
// unescaped, and a newline: byte for byte what a json.Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false) writes. encoding/json
// indents by running its validating scanner over every byte of the
// output again, which was most of the time of writing a long report
// (the findings quote their sentences); the compact output is known to
// be valid, so indentJSON only needs to step over strings.
func encodeIndented(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	src := bytes.TrimSuffix(compact.Bytes(), []byte("\n"))
	out := indentJSON(make([]byte, 0, len(src)+len(src)/4), src, "  ")
	_, err := w.Write(append(out, '\n'))
	return err
}

// indentJSON appends to dst the valid, compact JSON src indented as
// json.Indent(dst, src, "", indent) indents it: a newline and the depth's
// indent after an opening bracket, a comma, and before a closing bracket,
// a space after a colon, and empty objects and arrays kept as {} and [].
func indentJSON(dst, src []byte, indent string) []byte {
	depth := 0
	needIndent := false // after an opening bracket, until what follows shows whether it is empty
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			// Copy the string through its closing quote, stepping over
			// escapes.
			j := i + 1
			for j < len(src) {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				if src[j] == '\\' {
					j += 2
					continue
				}
				break
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
