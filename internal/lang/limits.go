package lang

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The size limits of tolmach's inputs: the one place they are defined.
// Every reader refuses input over them with an error wrapping
// [ErrTooLarge] (a [*TooLargeError]) that names the file and the line,
// before the input can cost memory or time out of proportion: the
// paired-article check, alignment and indexing all cost tens of bytes
// per input byte, and matching grows with the product of term and line
// lengths.
const (
	// MaxFileSize is the largest article (text, Markdown, HTML, XLIFF)
	// tolmach reads, in bytes of the file: about five million words.
	// It is checked with the file's size before the file is read.
	// Glossaries and translation memories have no file size limit (a
	// million-unit TMX is half a gigabyte); only their lines, fields and
	// terms are limited.
	MaxFileSize = 32 << 20

	// MaxLineSize is the longest line (a paragraph of an article, a row
	// of a table, a line of a native glossary) of any text input, in
	// bytes of the file without its line end: about 150,000 words.
	// In XML (TBX, TMX), where lines mean nothing, it limits a run of
	// text between two tags and the text of one element instead.
	MaxLineSize = 1 << 20

	// MaxTermLen is the longest glossary term, in characters. Real terms
	// are a few words; the longest in the built-in glossary and the
	// third-party glossaries tolmach is tested with is 158 characters (a
	// Russian federal agency's full name). Notes and definitions may be
	// longer: they are limited by MaxLineSize.
	MaxTermLen = 1000

	// MaxSegmentLen is the longest translation-memory segment (a
	// sentence or a paragraph), in characters.
	MaxSegmentLen = 64 << 10
)

// ErrTooLarge is wrapped by every error about input over one of the
// limits above; the error itself is a [*TooLargeError].
var ErrTooLarge = errors.New("input too large")

// TooLargeError reports input over one of tolmach's size limits: what
// was too large, where, how large it was and what the limit is. Its
// message leaves out the file name, which the caller puts first
// ("FILE:LINE: " — see [FileError]).
type TooLargeError struct {
	What    string // what was too large: "line", "file", "term", "segment", …
	Line    int    // 1-based line where it starts, 0 when not known or the whole file
	Size    int64  // its size, in Unit
	AtLeast bool   // reading stopped at the limit: Size is a lower bound
	Limit   int64  // the limit, in Unit
	Unit    string // "bytes" or "characters"
	Reads   string // what tolmach reads up to the limit ("lines", "articles", …)
	Hint    string // optional, printed in parentheses at the end
}

// Error returns e.g. "line is 5,242,880 bytes; tolmach reads lines up to
// 1 MiB (is this a text file?)".
func (e *TooLargeError) Error() string {
	var b strings.Builder
	b.WriteString(e.What)
	if e.AtLeast {
		b.WriteString(" is more than ")
	} else {
		b.WriteString(" is ")
	}
	b.WriteString(formatCount(e.Size))
	b.WriteString(" " + e.Unit)
	reads := e.Reads
	if reads == "" {
		reads = e.What + "s"
	}
	fmt.Fprintf(&b, "; tolmach reads %s up to %s", reads, formatLimit(e.Limit, e.Unit))
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// FileError puts the file name, and the line when err is a
// [*TooLargeError] that knows it, before err: "FILE:LINE: …" or
// "FILE: …". nil stays nil.
func FileError(path string, err error) error {
	if err == nil {
		return nil
	}
	var tl *TooLargeError
	if errors.As(err, &tl) && tl.Line > 0 {
		return fmt.Errorf("%s:%d: %w", path, tl.Line, err)
	}
	var mb *MojibakeError
	if errors.As(err, &mb) {
		mb.Repair = strings.ReplaceAll(mb.Repair, "FILE", path)
		return fmt.Errorf("%s:%d: %w", path, mb.Line, err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// formatCount writes n with thousands separators: 5,242,880.
func formatCount(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// formatLimit writes a limit the way it is documented: "1 MiB",
// "32 MiB", "1,000 characters".
func formatLimit(n int64, unit string) string {
	if unit == "bytes" {
		switch {
		case n >= 1<<20 && n%(1<<20) == 0:
			return strconv.FormatInt(n>>20, 10) + " MiB"
		case n >= 1<<10 && n%(1<<10) == 0:
			return strconv.FormatInt(n>>10, 10) + " KiB"
		}
	}
	return formatCount(n) + " " + unit
}

// lineHint is the hint of a line over MaxLineSize.
const lineHint = "is this a text file?"

// CheckLines returns a [*TooLargeError] for the first line of data (the
// raw bytes of a text file, or decoded text) longer than [MaxLineSize]
// bytes, nil when there is none. Lines end with "\n", "\r\n" or a lone
// "\r", as [Decode] reads them; the line end is not counted. Data with a
// UTF-16 byte order mark is measured in UTF-16 code units (two bytes
// each); its lengths are still given in bytes of the file.
func CheckLines[T ~string | ~[]byte](data T) error {
	return checkLines(data, MaxLineSize)
}

func checkLines[T ~string | ~[]byte](data T, max int) error {
	if len(data) <= max {
		return nil
	}
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return checkLines16(data, max)
	}
	line := 1
	for start := 0; start < len(data); {
		rest := data[start:]
		n := indexLineEnd(rest)
		if n < 0 {
			n = len(rest)
		}
		if n > max {
			return &TooLargeError{What: "line", Line: line, Size: int64(n), Limit: int64(max), Unit: "bytes", Hint: lineHint}
		}
		start += n + 1
		if n < len(rest) && rest[n] == '\r' && n+1 < len(rest) && rest[n+1] == '\n' {
			start++
		}
		line++
		if len(data)-start <= max {
			return nil // no line left can be too long
		}
	}
	return nil
}

// indexLineEnd returns the index of the first '\n' or '\r' of s, -1 when
// there is none. Two vectorised scans beat one byte loop.
func indexLineEnd[T ~string | ~[]byte](s T) int {
	var n, r int
	switch v := any(s).(type) {
	case string:
		n, r = strings.IndexByte(v, '\n'), -1
		if n < 0 {
			r = strings.IndexByte(v, '\r')
		} else {
			r = strings.IndexByte(v[:n], '\r')
		}
	case []byte:
		n, r = bytes.IndexByte(v, '\n'), -1
		if n < 0 {
			r = bytes.IndexByte(v, '\r')
		} else {
			r = bytes.IndexByte(v[:n], '\r')
		}
	default:
		// A named string or byte-slice type: the plain byte loop.
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' || s[i] == '\r' {
				return i
			}
		}
		return -1
	}
	if r >= 0 {
		return r
	}
	return n
}

// checkLines16 is checkLines for UTF-16 with a byte order mark.
func checkLines16[T ~string | ~[]byte](data T, max int) error {
	be := data[0] == 0xFE
	line, start := 1, 2
	for i := 2; i+1 < len(data); i += 2 {
		u := uint16(data[i]) | uint16(data[i+1])<<8
		if be {
			u = uint16(data[i])<<8 | uint16(data[i+1])
		}
		if u != '\n' && u != '\r' {
			continue
		}
		if n := i - start; n > max {
			return &TooLargeError{What: "line", Line: line, Size: int64(n), Limit: int64(max), Unit: "bytes", Hint: lineHint}
		}
		if u == '\r' && i+3 < len(data) {
			next := uint16(data[i+2]) | uint16(data[i+3])<<8
			if be {
				next = uint16(data[i+2])<<8 | uint16(data[i+3])
			}
			if next == '\n' {
				i += 2
			}
		}
		line++
		start = i + 2
	}
	if n := len(data) - start; n > max {
		return &TooLargeError{What: "line", Line: line, Size: int64(n), Limit: int64(max), Unit: "bytes", Hint: lineHint}
	}
	return nil
}

// checkReaderLines streams r (at most limit bytes of it) looking for a
// line longer than max bytes, in constant memory. It reports the first
// one, with AtLeast set when the scan stopped inside it.
func checkReaderLines(r io.Reader, limit int64, max int) error {
	buf := make([]byte, 64<<10)
	line, n := 1, 0 // current line, its length so far
	var prevCR bool
	var read int64
	for read < limit {
		k, err := r.Read(buf[:min(int64(len(buf)), limit-read)])
		for _, c := range buf[:k] {
			switch {
			case c == '\n' && prevCR:
				prevCR = false
			case c == '\n' || c == '\r':
				line, n, prevCR = line+1, 0, c == '\r'
			default:
				prevCR = false
				if n++; n > max {
					return &TooLargeError{What: "line", Line: line, Size: int64(max), AtLeast: true, Limit: int64(max), Unit: "bytes", Hint: lineHint}
				}
			}
		}
		read += int64(k)
		if err != nil {
			break
		}
	}
	return nil
}

// tooLargeFile is the error of an article file over MaxFileSize.
func tooLargeFile(size int64, atLeast bool) *TooLargeError {
	return &TooLargeError{What: "file", Size: size, AtLeast: atLeast, Limit: MaxFileSize, Unit: "bytes", Reads: "articles"}
}

// CheckTerm returns a [*TooLargeError] (without a line) when a glossary
// term is longer than [MaxTermLen] characters.
func CheckTerm(term string) error {
	if len(term) <= MaxTermLen {
		return nil // fewer bytes than the limit in characters
	}
	if n := utf8.RuneCountInString(term); n > MaxTermLen {
		return &TooLargeError{What: "term", Size: int64(n), Limit: MaxTermLen, Unit: "characters", Reads: "glossary terms",
			Hint: "a term is a word or a phrase; put explanations in a note"}
	}
	return nil
}

// CheckSegment returns a [*TooLargeError] (without a line) when a
// translation-memory segment is longer than [MaxSegmentLen] characters.
func CheckSegment(seg string) error {
	if len(seg) <= MaxSegmentLen {
		return nil
	}
	if n := utf8.RuneCountInString(seg); n > MaxSegmentLen {
		return &TooLargeError{What: "segment", Size: int64(n), Limit: MaxSegmentLen, Unit: "characters", Reads: "segments",
			Hint: "a segment is a sentence or a paragraph"}
	}
	return nil
}

// CheckField returns a [*TooLargeError] (without a line) when a field
// that is not a term or a segment (a note, a definition, a property) is
// longer than [MaxLineSize] bytes. what names the field ("note").
func CheckField(what, s string) error {
	if len(s) <= MaxLineSize {
		return nil
	}
	return &TooLargeError{What: what, Size: int64(len(s)), Limit: MaxLineSize, Unit: "bytes", Reads: what + "s"}
}

// LimitRuns wraps the reader of an XML file (TBX, TMX, XLIFF) so that a
// run of more than [MaxLineSize] bytes with no '<' or '>' in it — text
// between two tags, or one tag — fails the read with a
// [*TooLargeError] giving the line where the run starts, before an XML
// decoder (which holds a whole text run in memory) can grow with it.
// Line ends are counted on the raw bytes.
func LimitRuns(r io.Reader) io.Reader {
	return &runLimiter{r: r, max: MaxLineSize, line: 1, runLine: 1}
}

// LimitLines wraps the reader of a line-based file (a table, a native
// or CSV glossary) so that a line over [MaxLineSize] bytes fails the read
// with a [*TooLargeError] giving its line, before the file is held
// whole. It looks at bytes, not characters: for UTF-16 its lengths are
// approximate, and [Decode] checks again exactly.
func LimitLines(r io.Reader) io.Reader {
	return &runLimiter{r: r, max: MaxLineSize, line: 1, runLine: 1, lines: true}
}

type runLimiter struct {
	r             io.Reader
	max           int
	lines         bool // runs are lines (else text between '<' and '>')
	run           int  // bytes since the last delimiter
	line, runLine int
	prevCR        bool
	err           error
}

func (l *runLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if l.lines {
			switch {
			case c == '\n' && l.prevCR:
				l.prevCR = false
				continue
			case c == '\n' || c == '\r':
				l.line++
				l.run, l.runLine, l.prevCR = 0, l.line, c == '\r'
				continue
			}
			l.prevCR = false
		} else {
			switch c {
			case '<', '>':
				l.run, l.runLine = 0, l.line
				continue
			case '\n':
				l.line++
			}
		}
		if l.run++; l.run > l.max {
			if l.lines {
				l.err = &TooLargeError{What: "line", Line: l.runLine, Size: int64(l.max), AtLeast: true, Limit: int64(l.max), Unit: "bytes", Hint: lineHint}
			} else {
				l.err = &TooLargeError{What: "XML text", Line: l.runLine, Size: int64(l.max), AtLeast: true, Limit: int64(l.max), Unit: "bytes",
					Reads: "text between two tags", Hint: "is this an XML file?"}
			}
			// Stop at the start of a UTF-8 character: a decoder given
			// half a character would report invalid UTF-8 instead.
			for i > 0 && !utf8.RuneStart(p[i]) {
				i--
			}
			return i, l.err
		}
	}
	return n, err
}
