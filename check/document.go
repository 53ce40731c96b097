package check

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"

	"tolmach/internal/lang"
)

// Format is the kind of file a [Document] was read from.
type Format string

// The input formats tolmach checks.
const (
	PlainText Format = "text"
	Markdown  Format = "markdown"
	HTML      Format = "html"
	DOCX      Format = "docx"
	XLIFF     Format = "xliff"
)

// FormatOf returns the input format of a file by its extension: .md and
// .markdown are Markdown, .html, .htm and .xhtml HTML, .docx DOCX, .xlf,
// .xliff and .xlf2 XLIFF, and everything else plain text.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".docx":
		return DOCX
	case ".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mxliff":
		return XLIFF
	}
	return PlainText
}

// Document is one side of a checked pair, decoded and stripped of markup.
type Document struct {
	Path     string    // as given, for reports
	Lang     lang.Lang // the document's language
	Encoding string    // the encoding it was read in (one of lang.Encodings; "utf-8" for DOCX and XLIFF)
	Format   Format

	// Raw is the decoded file text (for DOCX and XLIFF, the text
	// extracted from it); reported matches are slices of it.
	Raw string
	// Text is what is analysed: Raw with markup blanked out, byte for
	// byte the same length, so an offset means the same in both.
	Text string

	lines   *lang.LineIndex
	lineDiv int         // DOCX: text lines per file paragraph (2), else 1
	anchors []posAnchor // XLIFF: where each unit's text stands in the file

	// ignores are the inline suppressions of Markdown and HTML comments.
	ignores []inlineIgnore
	// ignoreFile lists rules suppressed for the whole file ("*" for all).
	ignoreFile []string
	// units are the pre-aligned units of a bilingual file (XLIFF).
	units []presetUnit
	// tokens caches lang.Analyze(Text), under tokMu: checks running at
	// once may share a document.
	tokMu  sync.Mutex
	tokens []lang.Token
	// segTexts caches segmentText by segment, under segMu.
	segMu    sync.Mutex
	segTexts map[Span]string
}

// Tokens returns the words and numbers of the document's text
// (lang.Analyze), computed once. It is safe for concurrent use.
func (d *Document) Tokens() []lang.Token {
	d.tokMu.Lock()
	defer d.tokMu.Unlock()
	if d.tokens == nil {
		d.tokens = lang.Analyze(d.Text)
	}
	return d.tokens
}

// dropTokens frees the cached tokens of a document nobody else holds.
func (d *Document) dropTokens() {
	d.tokMu.Lock()
	d.tokens = nil
	d.tokMu.Unlock()
}

// posAnchor maps text offsets from Off on to a place in the file.
type posAnchor struct {
	Off, Line, Col int
}

// presetUnit is one unit of a bilingual file: byte spans of the source
// and target documents' texts, and the inline codes (XLIFF <x id="1"/>,
// <ph>, <g>…), which the texts leave out, by element and id.
type presetUnit struct {
	SrcStart, SrcEnd, TgtStart, TgtEnd int
	SrcCodes, TgtCodes                 []string
}

// NewDocument makes a Document of plain text already in memory; path is
// used in reports and, with lang "", to guess the language (*.ru.*,
// *.en.*), else the script of the text decides.
func NewDocument(path string, l lang.Lang, text string) *Document {
	d := &Document{Path: path, Lang: l, Encoding: lang.UTF8, Format: PlainText, Raw: text, Text: text}
	d.init()
	return d
}

func (d *Document) init() {
	d.lines = lang.NewLineIndex(d.Raw)
	if d.lineDiv == 0 {
		d.lineDiv = 1
	}
	if d.Lang == "" {
		d.Lang = LangOf(d.Path, d.Text)
	}
}

// Pos returns the 1-based line and column (in characters) in the file of
// the byte offset off of the document's text.
func (d *Document) Pos(off int) (line, col int) {
	if len(d.anchors) > 0 {
		i := sort.Search(len(d.anchors), func(i int) bool { return d.anchors[i].Off > off }) - 1
		if i < 0 {
			i = 0
		}
		a := d.anchors[i]
		l0, c0 := d.lines.Pos(a.Off)
		l, c := d.lines.Pos(off)
		if l != l0 {
			return a.Line + l - l0, c
		}
		return a.Line, a.Col + c - c0
	}
	line, col = d.lines.Pos(off)
	if d.lineDiv > 1 {
		line = (line-1)/d.lineDiv + 1
	}
	return line, col
}

// Words counts the word tokens of the document's text.
func (d *Document) Words() int {
	n := 0
	for _, t := range d.Tokens() {
		if t.Kind == lang.Word {
			n++
		}
	}
	return n
}

// LangOf guesses the language of a file: from its name (x.ru.txt,
// x.en.md, x_ru.txt; the last language tag of the name, see
// lang.FileNameLang), else from the script of its text; "" when neither
// tells.
func LangOf(path, text string) lang.Lang {
	if l := langOfName(path); l != "" {
		return l
	}
	return lang.Detect(text)
}

// langOfName reads the language a file name states: its last language
// tag (lang.FileNameLang).
func langOfName(path string) lang.Lang { return lang.FileNameLang(path) }

// ReadDocument reads a monolingual file for checking: plain text,
// Markdown or HTML in any encoding lang.Decode knows (encoding "" detects
// it), or DOCX. Markup is blanked out with offsets kept. The language is
// taken from l, else the file name, else the script. XLIFF files are
// bilingual: read them with [ReadBilingual].
func ReadDocument(path, encoding string, l lang.Lang) (*Document, error) {
	d := &Document{Path: path, Lang: l, Format: FormatOf(path)}
	switch d.Format {
	case XLIFF:
		return nil, fmt.Errorf("%s: an XLIFF file holds both languages; check it on its own (tolmach check FILE.xlf)", path)
	case DOCX:
		text, err := readDOCX(path)
		if err != nil {
			return nil, err
		}
		if err := checkDOCXText(text); err != nil {
			return nil, lang.FileError(path, err)
		}
		d.Raw, d.Text, d.Encoding, d.lineDiv = text, text, lang.UTF8, 2
	default:
		read := lang.ReadFile
		if d.Format == HTML {
			read = lang.ReadMarkupFile // often minified: one long line
		}
		text, enc, err := read(path, encoding)
		if err != nil {
			return nil, err
		}
		d.setText(text, enc)
	}
	d.init()
	return d, nil
}

// setText sets the decoded text of a text, Markdown or HTML document,
// with its markup blanked out.
func (d *Document) setText(text, enc string) {
	d.Raw, d.Encoding = text, enc
	switch d.Format {
	case Markdown:
		d.Text, d.ignores, d.ignoreFile = stripMarkdown(text)
	case HTML:
		d.Text, d.ignores, d.ignoreFile = stripHTML(text)
	default:
		d.Text = text
	}
}

// ParseDocument is [ReadDocument] for content already in memory, such
// as an upload: name (a file name, for reports) chooses the format by
// its extension and, when l is "", may tell the language. The limits and
// errors are those of reading a file of that name.
func ParseDocument(name string, data []byte, encoding string, l lang.Lang) (*Document, error) {
	d := &Document{Path: name, Lang: l, Format: FormatOf(name)}
	switch d.Format {
	case XLIFF:
		return nil, fmt.Errorf("%s: an XLIFF file holds both languages; check it on its own", name)
	case DOCX:
		text, err := docxFromBytes(name, data)
		if err != nil {
			return nil, err
		}
		if err := checkDOCXText(text); err != nil {
			return nil, lang.FileError(name, err)
		}
		d.Raw, d.Text, d.Encoding, d.lineDiv = text, text, lang.UTF8, 2
	default:
		text, enc, err := lang.DecodeFile(name, data, encoding, d.Format == HTML)
		if err != nil {
			return nil, err
		}
		d.setText(text, enc)
	}
	d.init()
	return d, nil
}

// checkDOCXText holds the text of a DOCX (paragraphs joined by blank
// lines) to the limits of any article: lang.MaxFileSize in all and
// lang.MaxLineSize per paragraph, whose number it gives as the line.
func checkDOCXText(text string) error {
	if len(text) > lang.MaxFileSize {
		return &lang.TooLargeError{What: "its text", Size: int64(len(text)), Limit: lang.MaxFileSize, Unit: "bytes", Reads: "articles"}
	}
	err := lang.CheckLines(text)
	var tl *lang.TooLargeError
	if errors.As(err, &tl) {
		tl.What, tl.Reads, tl.Hint = "paragraph", "paragraphs", ""
		tl.Line = (tl.Line-1)/2 + 1
	}
	return err
}

// hasLetters reports whether s holds at least one letter.
func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
