package check

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits against zip bombs and runaway files: a DOCX with more entries,
// or whose document part inflates to more bytes, is refused.
const (
	maxDOCXEntries  = 10000
	maxDOCXDocument = 64 << 20
)

// errDOCXTooLarge is returned (wrapped) when a DOCX exceeds the limits.
var errDOCXTooLarge = errors.New("DOCX too large")

// readDOCX returns the paragraph text of a DOCX file, paragraphs joined
// by blank lines ("\n\n"), so that line 2k-1 of the text is paragraph k;
// [Document.Pos] reports paragraph numbers as lines.
func readDOCX(path string) (string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", fmt.Errorf("%s: not a DOCX file: %w", path, err)
	}
	defer zr.Close()
	text, err := docxText(&zr.Reader)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return text, nil
}

// docxFromBytes is readDOCX for a DOCX in memory; name is for errors.
func docxFromBytes(name string, data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%s: not a DOCX file: %w", name, err)
	}
	text, err := docxText(zr)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text, nil
}

// docxText extracts the paragraphs of word/document.xml.
func docxText(zr *zip.Reader) (string, error) {
	if len(zr.File) > maxDOCXEntries {
		return "", fmt.Errorf("%w: %d entries (limit %d)", errDOCXTooLarge, len(zr.File), maxDOCXEntries)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", errors.New("not a DOCX file: no word/document.xml")
	}
	if doc.UncompressedSize64 > maxDOCXDocument {
		return "", fmt.Errorf("%w: word/document.xml is %d bytes (limit %d)", errDOCXTooLarge, doc.UncompressedSize64, maxDOCXDocument)
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	defer rc.Close()
	// The size in the header may lie: cap what is actually inflated.
	data, err := io.ReadAll(io.LimitReader(rc, maxDOCXDocument+1))
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	if len(data) > maxDOCXDocument {
		return "", fmt.Errorf("%w: word/document.xml inflates past %d bytes", errDOCXTooLarge, maxDOCXDocument)
	}
	paras, err := docxParagraphs(data)
	if err != nil {
		return "", fmt.Errorf("word/document.xml: %w", err)
	}
	return strings.Join(paras, "\n\n"), nil
}

// docxParagraphs returns the text of every w:p element of a WordprocessingML
// document, in order: w:t runs, w:tab as a tab, breaks as spaces; deleted
// text (w:del, w:delText) and field instructions are left out.
func docxParagraphs(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var paras []string
	var cur strings.Builder
	inPara, inText, skip := 0, false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				if inPara == 0 {
					cur.Reset()
				}
				inPara++
			case "t":
				inText = true
			case "tab":
				if skip == 0 {
					cur.WriteByte('\t')
				}
			case "br", "cr":
				if skip == 0 {
					cur.WriteByte(' ')
				}
			case "del", "delText", "instrText":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				inPara--
				if inPara == 0 {
					paras = append(paras, cleanParagraph(cur.String()))
				}
			case "t":
				inText = false
			case "del", "delText", "instrText":
				skip--
			}
		case xml.CharData:
			if inText && skip == 0 && inPara > 0 {
				cur.Write(t)
			}
		}
	}
	return paras, nil
}

// cleanParagraph keeps a paragraph on one line: line breaks and control
// characters become spaces.
func cleanParagraph(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' {
			return ' '
		}
		return r
	}, s)
}
