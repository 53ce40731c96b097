package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"tolmach/internal/lang"
)

// xliffUnit is one source/target pair of an XLIFF file, with where the
// source and target text start in the file.
type xliffUnit struct {
	ID                   string
	Source, Target       string
	HasTarget            bool
	SrcCodes, TgtCodes   []string // inline codes, as `<x id="1"/>`
	SrcLine, SrcCol      int
	TgtLine, TgtCol      int
	srcStarted, inTarget bool
}

// ReadBilingual reads an XLIFF 1.2 or 2.0 file into its two documents,
// already segmented: unit k's source and target are the k-th units of the
// pair, checked directly without alignment. Languages come from the
// file's source-language/target-language (srcLang/trgLang) attributes,
// else (left "" here) from the caller's --source-lang or the script of
// the text. A declared language other than Russian or English is an
// error naming it: tolmach would check Japanese as if it were Russian.
// Locations point into the XLIFF file.
func ReadBilingual(path, encoding string) (src, tgt *Document, err error) {
	text, enc, err := lang.ReadMarkupFile(path, encoding) // XML: lines mean nothing
	if err != nil {
		return nil, nil, err
	}
	return bilingual(path, text, enc)
}

// ParseBilingual is [ReadBilingual] for an XLIFF file in memory, such as
// an upload; name is used in reports and errors.
func ParseBilingual(name string, data []byte, encoding string) (src, tgt *Document, err error) {
	text, enc, err := lang.DecodeFile(name, data, encoding, true)
	if err != nil {
		return nil, nil, err
	}
	return bilingual(name, text, enc)
}

func bilingual(path, text, enc string) (src, tgt *Document, err error) {
	units, srcTag, tgtTag, err := parseXLIFF(text)
	if err != nil {
		return nil, nil, fmt.Errorf("%s:%w", path, err)
	}
	srcLang, err := declaredLang(path, "source", srcTag)
	if err != nil {
		return nil, nil, err
	}
	tgtLang, err := declaredLang(path, "target", tgtTag)
	if err != nil {
		return nil, nil, err
	}
	if len(units) == 0 {
		return nil, nil, fmt.Errorf("%s: no translation units", path)
	}
	src = &Document{Path: path, Lang: srcLang, Encoding: enc, Format: XLIFF}
	tgt = &Document{Path: path, Lang: tgtLang, Encoding: enc, Format: XLIFF}
	var sb, tb strings.Builder
	for i, u := range units {
		if i > 0 {
			sb.WriteString("\n\n")
			tb.WriteString("\n\n")
		}
		pu := presetUnit{SrcStart: sb.Len(), TgtStart: tb.Len(), SrcCodes: u.SrcCodes, TgtCodes: u.TgtCodes}
		src.anchors = append(src.anchors, posAnchor{Off: sb.Len(), Line: u.SrcLine, Col: u.SrcCol})
		sb.WriteString(u.Source)
		pu.SrcEnd = sb.Len()
		line, col := u.TgtLine, u.TgtCol
		if !u.HasTarget {
			line, col = u.SrcLine, u.SrcCol
		}
		tgt.anchors = append(tgt.anchors, posAnchor{Off: tb.Len(), Line: line, Col: col})
		tb.WriteString(u.Target)
		pu.TgtEnd = tb.Len()
		src.units = append(src.units, pu)
	}
	src.Raw, src.Text = sb.String(), sb.String()
	tgt.Raw, tgt.Text = tb.String(), tb.String()
	src.init()
	tgt.init()
	tgt.units = src.units
	return src, tgt, nil
}

// xliffCodeElements hold native codes, not text: their content is skipped.
var xliffCodeElements = map[string]bool{"ph": true, "bpt": true, "ept": true, "it": true, "sub": true, "x": true, "bx": true, "ex": true, "sc": true, "ec": true, "sm": true, "em": true, "cp": true}

// xliffInlineCodes are the elements that stand for a code of the
// original document (a line break, a bold run, a variable): a target
// must carry each of its source's. Annotations (mrk, sm, em) and <cp>
// are not codes.
var xliffInlineCodes = map[string]bool{"ph": true, "x": true, "bx": true, "ex": true, "bpt": true, "ept": true, "it": true, "g": true, "pc": true, "sc": true, "ec": true}

// inlineCode names an inline code by its element and id, as the
// placeholder check compares and reports it: <x id="br"/>.
func inlineCode(e xml.StartElement) string {
	id := attr(e, "id")
	if id == "" {
		id = attr(e, "startRef")
	}
	if e.Name.Local == "g" || e.Name.Local == "pc" {
		return fmt.Sprintf("<%s id=%q>", e.Name.Local, id)
	}
	return fmt.Sprintf("<%s id=%q/>", e.Name.Local, id)
}

// parseXLIFF reads the units of an XLIFF 1.2 or 2.0 document (already
// decoded to UTF-8) and the language tags it declares, as written.
// Errors start with ":LINE: " for the caller to put the file name
// before.
func parseXLIFF(text string) (units []xliffUnit, srcLang, tgtLang string, err error) {
	lines := lang.NewLineIndex(text)
	dec := xml.NewDecoder(strings.NewReader(text))
	// The text is already UTF-8 whatever the declaration says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Entity = xml.HTMLEntity
	var (
		cur        *xliffUnit
		field      *strings.Builder
		codeDepth  int
		skipDepth  int // inside alt-trans, seg-source, ignorable, notes
		sawRoot    bool
		sourceText strings.Builder
		targetText strings.Builder
	)
	for {
		tok, terr := dec.Token()
		if terr == io.EOF {
			break
		}
		if terr != nil {
			line, _ := dec.InputPos()
			return nil, "", "", fmt.Errorf("%d: malformed XLIFF: %w", line, terr)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if !sawRoot {
				if name != "xliff" {
					return nil, "", "", fmt.Errorf("1: not an XLIFF file (root element <%s>)", name)
				}
				sawRoot = true
			}
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			switch name {
			case "xliff":
				srcLang, tgtLang = attr(t, "srcLang"), attr(t, "trgLang")
			case "file":
				// XLIFF 1.2 declares the pair per <file>; files of
				// another pair in one document are refused, not mixed.
				for _, d := range []struct {
					name string
					tag  *string
				}{{"source-language", &srcLang}, {"target-language", &tgtLang}} {
					v := strings.TrimSpace(attr(t, d.name))
					switch {
					case v == "":
					case *d.tag == "":
						*d.tag = v
					case glossaryLang(v) != glossaryLang(*d.tag):
						line, _ := lines.Pos(int(dec.InputOffset()))
						return nil, "", "", fmt.Errorf("%d: this <file> declares %s %q, an earlier one %q; check one language pair at a time", line, d.name, v, *d.tag)
					}
				}
			case "alt-trans", "seg-source", "ignorable", "note", "notes", "context-group", "originalData", "mtc:matches":
				skipDepth = 1
			case "trans-unit", "segment":
				if cur != nil {
					units = append(units, *cur)
				}
				cur = &xliffUnit{ID: attr(t, "id")}
			case "source", "target":
				if cur == nil {
					continue
				}
				line, col := lines.Pos(int(dec.InputOffset()))
				if name == "source" {
					sourceText.Reset()
					field = &sourceText
					cur.SrcLine, cur.SrcCol = line, col
				} else {
					targetText.Reset()
					field = &targetText
					cur.TgtLine, cur.TgtCol = line, col
					cur.HasTarget = true
				}
			default:
				if cur != nil && field != nil && codeDepth == 0 && xliffInlineCodes[name] {
					code := inlineCode(t)
					if field == &sourceText {
						cur.SrcCodes = append(cur.SrcCodes, code)
					} else {
						cur.TgtCodes = append(cur.TgtCodes, code)
					}
				}
				if xliffCodeElements[name] {
					codeDepth++
				}
			}
		case xml.EndElement:
			name := t.Name.Local
			if skipDepth > 0 {
				skipDepth--
				continue
			}
			switch name {
			case "source":
				if cur != nil && field == &sourceText {
					cur.Source = cleanParagraph(sourceText.String())
				}
				field = nil
			case "target":
				if cur != nil && field == &targetText {
					cur.Target = cleanParagraph(targetText.String())
				}
				field = nil
			case "trans-unit", "segment":
				if cur != nil {
					units = append(units, *cur)
					cur = nil
				}
			default:
				if xliffCodeElements[name] && codeDepth > 0 {
					codeDepth--
				}
			}
		case xml.CharData:
			if field != nil && codeDepth == 0 && skipDepth == 0 {
				field.Write(t)
			}
		}
	}
	if !sawRoot {
		return nil, "", "", errors.New("1: not an XLIFF file (no <xliff> element)")
	}
	if cur != nil {
		units = append(units, *cur)
	}
	// 2.0 units may hold several segments; 1.2 trans-units one source.
	out := units[:0]
	for _, u := range units {
		if strings.TrimSpace(u.Source) != "" || strings.TrimSpace(u.Target) != "" {
			out = append(out, u)
		}
	}
	return out, strings.TrimSpace(srcLang), strings.TrimSpace(tgtLang), nil
}

// declaredLang maps the language tag an XLIFF file declares for its
// source or target side to ru or en; "" when it declares none, and an
// error naming the tag when it is another language.
func declaredLang(path, side, tag string) (lang.Lang, error) {
	if tag == "" {
		return "", nil
	}
	switch l := lang.Lang(glossaryLang(tag)); l {
	case lang.RU, lang.EN:
		return l, nil
	}
	return "", fmt.Errorf("%s: %s language %s: tolmach checks Russian–English", path, side, tag)
}

// glossaryLang reduces a language tag to its primary subtag in lower case.
func glossaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// isXLIFF reports whether data looks like an XLIFF document.
func isXLIFF(data []byte) bool {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	return bytes.Contains(head, []byte("<xliff"))
}
