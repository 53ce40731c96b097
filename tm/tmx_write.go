package tm

import (
	"bufio"
	"io"
	"strings"
)

// TMXWriter writes units as a TMX 1.4b document, streaming: each unit is
// written as it comes, so exports of any size run in constant memory.
// Segments with Markup are written with their inline codes, so reading
// and writing a TMX round-trips its units.
type TMXWriter struct {
	w       *bufio.Writer
	started bool
	err     error
	buf     strings.Builder
}

// NewTMXWriter returns a writer that writes the document to w; srcLang
// goes into the header ("*all*" when empty). Call [TMXWriter.Close] to
// finish the document.
func NewTMXWriter(w io.Writer, srcLang string) *TMXWriter {
	tw := &TMXWriter{w: bufio.NewWriterSize(w, 256<<10)}
	if srcLang == "" {
		srcLang = "*all*"
	}
	tw.buf.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
	tw.buf.WriteString(`  <header creationtool="tolmach" creationtoolversion="1" segtype="sentence" o-tmf="tolmach" adminlang="en" srclang="`)
	escapeAttr(&tw.buf, srcLang)
	tw.buf.WriteString("\" datatype=\"plaintext\"/>\n  <body>\n")
	tw.flushBuf()
	return tw
}

func (tw *TMXWriter) flushBuf() {
	if tw.err == nil {
		_, tw.err = tw.w.WriteString(tw.buf.String())
	}
	tw.buf.Reset()
}

// Write writes one <tu>.
func (tw *TMXWriter) Write(u *Unit) error {
	appendTU(&tw.buf, u)
	tw.flushBuf()
	return tw.err
}

// Close writes the end of the document and flushes it; it does not
// close the underlying writer.
func (tw *TMXWriter) Close() error {
	tw.buf.WriteString(tmxTail)
	tw.flushBuf()
	if tw.err == nil {
		tw.err = tw.w.Flush()
	}
	return tw.err
}

// tmxTail ends every TMX document tolmach writes; new units are spliced
// in before it.
const tmxTail = "  </body>\n</tmx>\n"

// appendTU writes u as a <tu> element.
func appendTU(b *strings.Builder, u *Unit) {
	b.WriteString("    <tu")
	writeAttr(b, "tuid", u.ID)
	writeAttr(b, "srclang", u.SrcLang)
	if !u.Created.IsZero() {
		writeAttr(b, "creationdate", u.Created.UTC().Format(tmxDate))
	}
	writeAttr(b, "creationid", u.Creator)
	if !u.Changed.IsZero() {
		writeAttr(b, "changedate", u.Changed.UTC().Format(tmxDate))
	}
	writeAttr(b, "changeid", u.Changer)
	b.WriteString(">\n")
	for _, n := range u.Notes {
		b.WriteString("      <note>")
		escapeText(b, n)
		b.WriteString("</note>\n")
	}
	if u.Document != "" {
		b.WriteString(`      <prop type="x-document">`)
		escapeText(b, u.Document)
		b.WriteString("</prop>\n")
	}
	for _, p := range u.Props {
		b.WriteString("      <prop")
		writeAttr(b, "type", p.Type)
		if p.Lang != "" {
			writeAttr(b, "xml:lang", p.Lang)
		}
		b.WriteString(">")
		escapeText(b, p.Value)
		b.WriteString("</prop>\n")
	}
	for _, s := range u.Segments {
		b.WriteString(`      <tuv xml:lang="`)
		escapeAttr(b, s.Lang)
		b.WriteString(`"><seg>`)
		if s.Markup != "" {
			b.WriteString(s.Markup)
		} else {
			escapeText(b, s.Text)
		}
		b.WriteString("</seg></tuv>\n")
	}
	b.WriteString("    </tu>\n")
}

func writeAttr(b *strings.Builder, name, value string) {
	if value == "" {
		return
	}
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	escapeAttr(b, value)
	b.WriteByte('"')
}
