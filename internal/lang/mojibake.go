package lang

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ErrMojibake is wrapped by the error of [Decode] and [ReadFile] for text
// that is mojibake: Russian written in one encoding, read in another and
// saved so, which no choice of encoding can read back. The error is a
// [*MojibakeError], which says which mix-up it was and how to repair the
// file.
var ErrMojibake = errors.New("mojibake")

// MojibakeError describes the mojibake found in a text.
type MojibakeError struct {
	// Line is the first line that shows it (1-based).
	Line int
	// Sample is a piece of that line as it stands («Ðåöåíçèÿ»), and
	// Repaired the same piece read right («Рецензия»).
	Sample, Repaired string
	// Written is the encoding the text was written in, ReadAs the one it
	// was wrongly read in before it was saved as UTF-8.
	Written, ReadAs string
	// Repair is the command that repairs the file; FILE stands for its
	// name until [FileError] puts the path in.
	Repair string
}

// Error says what the text is, with an example and the repair.
func (e *MojibakeError) Error() string {
	return fmt.Sprintf("mojibake: Russian written in %s, read as %s and saved as UTF-8 («%s» is «%s»); no encoding reads it. Repair it with: %s",
		e.Written, e.ReadAs, e.Sample, e.Repaired, e.Repair)
}

// Unwrap returns [ErrMojibake].
func (e *MojibakeError) Unwrap() error { return ErrMojibake }

// mojibakeSample is how much of a text is examined: mojibake spoils a
// whole file alike, so its beginning tells.
const mojibakeSample = 64 << 10

// mojibakeKind is one mix-up of encodings: the text's runes are turned
// back into the bytes the wrong reading made of them (back), and those
// bytes read as they were written (forward).
type mojibakeKind struct {
	written, readAs, repair string
	back                    func(rune) (byte, bool)
	forward                 func([]byte) (string, bool)
}

var mojibakeKinds = []mojibakeKind{
	// UTF-8 read as Windows-1252 (or Latin-1): «Рецензия» → "Ð ÐµÑ†ÐµÐ½Ð·Ð¸Ñ".
	{"UTF-8", "Windows-1252 (Latin-1)", "iconv -f utf-8 -t windows-1252 FILE > FILE.fixed", latin1Byte, utf8Forward},
	// UTF-8 read as Windows-1251: «Рецензия» → «Р РµС†РµРЅР·РёСЏ».
	{"UTF-8", "Windows-1251", "iconv -f utf-8 -t windows-1251 FILE > FILE.fixed", cp1251Byte, utf8Forward},
	// Windows-1251 read as Windows-1252 (or Latin-1): «Рецензия» → "Ðåöåíçèÿ".
	{"Windows-1251", "Windows-1252 (Latin-1)", "iconv -f utf-8 -t windows-1252 FILE | iconv -f windows-1251 -t utf-8 > FILE.fixed", latin1Byte, cp1251Forward},
}

// checkMojibake returns a [*MojibakeError] when text is mojibake, else
// nil. It looks at the first [mojibakeSample] bytes, and only where the
// runes a mix-up leaves are common: at least a third of the letters
// Latin-1 letters that English does not use, or capital Р and С before
// most other Cyrillic letters (each Russian letter of UTF-8 read as
// Windows-1251 becomes Р or С and another character). A reading is then
// tried and kept only when it gives Russian text: valid UTF-8 full of
// Cyrillic letters, or Windows-1251 bytes that read as Russian.
func checkMojibake(text string) error {
	sample := text
	if len(sample) > mojibakeSample {
		sample = sample[:mojibakeSample]
		for len(sample) > 0 && !utf8.ValidString(sample[len(sample)-3:]) {
			sample = sample[:len(sample)-1]
		}
	}
	var latin, ascii, cyr, rs int
	for _, r := range sample {
		switch {
		case r >= 0xC0 && r <= 0xFF, r == 0xA8, r == 0xB8:
			latin++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			ascii++
		case r == 'Р' || r == 'С':
			rs++
			cyr++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	latinHeavy := latin >= 12 && latin*3 >= latin+ascii+cyr
	rsHeavy := rs >= 8 && rs*10 >= cyr*3
	if !latinHeavy && !rsHeavy {
		return nil
	}
	for _, k := range mojibakeKinds {
		if k.readAs == "Windows-1251" && !rsHeavy || k.readAs != "Windows-1251" && !latinHeavy {
			continue
		}
		raw, ok := backBytes(sample, k.back)
		if !ok {
			continue
		}
		fixed, ok := k.forward(raw)
		if !ok || !russianEnough(fixed) {
			continue
		}
		e := &MojibakeError{Written: k.written, ReadAs: k.readAs, Repair: k.repair}
		if k.readAs != "Windows-1251" {
			// Read as one of the two: Windows-1252 has printable
			// characters where Latin-1 has C1 controls, and iconv
			// must be told which to write back.
			if readAsLatin1(sample) {
				e.ReadAs, e.Repair = "Latin-1 (ISO-8859-1)", strings.ReplaceAll(e.Repair, "windows-1252", "latin1")
			} else {
				e.ReadAs = "Windows-1252"
			}
		}
		e.Line, e.Sample, e.Repaired = mojibakeExample(sample, k)
		// C1 controls (Latin-1's reading of some bytes) print as nothing.
		e.Sample = strings.Map(func(r rune) rune {
			if r >= 0x80 && r < 0xA0 {
				return '?'
			}
			return r
		}, e.Sample)
		return e
	}
	return nil
}

// readAsLatin1 reports whether mojibake was read as Latin-1 rather than
// Windows-1252: it holds C1 controls (U+0080–U+009F), which Windows-1252
// has printable characters for, and none of those characters.
func readAsLatin1(s string) bool {
	c1 := false
	for _, r := range s {
		switch {
		case r >= 0x80 && r < 0xA0:
			c1 = true
		case r >= 0x100:
			if _, ok := charmap.Windows1252.EncodeRune(r); ok {
				return false
			}
		}
	}
	return c1
}

// backBytes turns text into the bytes the wrong reading made of it: the
// runes below 0x80 as they are, the others by back. A rune with no byte
// there (a byte the wrong encoding leaves undefined, which tools show as
// they like) becomes '?'; false when they are more than one in fifty of
// the others (the text was not made by that reading).
func backBytes(text string, back func(rune) (byte, bool)) ([]byte, bool) {
	out := make([]byte, 0, len(text))
	high, bad := 0, 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		b, ok := back(r)
		if !ok {
			bad++
			b = '?'
		}
		high++
		out = append(out, b)
	}
	return out, bad*50 <= high
}

// latin1Byte is the Windows-1252 byte of r, or its Latin-1 byte (the C1
// controls Windows-1252 lacks).
func latin1Byte(r rune) (byte, bool) {
	if b, ok := charmap.Windows1252.EncodeRune(r); ok {
		return b, true
	}
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	return 0, false
}

func cp1251Byte(r rune) (byte, bool) { return charmap.Windows1251.EncodeRune(r) }

// utf8Forward reads bytes as UTF-8: false unless there are at least as
// many valid multi-byte characters as fifty times the invalid bytes (a
// letter spoilt by a byte the wrong reading left undefined).
func utf8Forward(b []byte) (string, bool) {
	multi, bad := utf8Counts(b)
	return strings.ToValidUTF8(string(b), "\uFFFD"), multi > 0 && bad*50 <= multi
}

func cp1251Forward(b []byte) (string, bool) {
	s, err := decodeWith(charmap.Windows1251, b)
	return s, err == nil
}

// russianEnough reports whether s is Russian text: at least twenty
// Cyrillic letters, as many as the Latin ones or more, whose letter
// frequencies and cases look like Russian (cyrillicScore over 0.15 a
// letter: a Russian news article scores about 0.4, letters drawn at
// random about -0.5).
func russianEnough(s string) bool {
	var cyr, latin int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			latin++
		}
	}
	return cyr >= 20 && cyr >= latin && cyrillicScore(s) > 0.15*float64(cyr)
}

// mojibakeExample returns the first line of text that reads otherwise
// when repaired by k, its first words (about 24 characters) and those
// words repaired.
func mojibakeExample(text string, k mojibakeKind) (line int, sample, repaired string) {
	line = 1
	for _, l := range strings.SplitAfter(text, "\n") {
		if piece := strings.TrimSpace(l); piece != "" {
			if fixed, ok := repairWith(piece, k); ok && fixed != piece {
				sample = firstWords(piece, k)
				repaired, _ = repairWith(sample, k)
				return line, sample, repaired
			}
		}
		line++
	}
	return 1, "", ""
}

// repairWith reads s as k says it was written.
func repairWith(s string, k mojibakeKind) (string, bool) {
	raw, ok := backBytes(s, k.back)
	if !ok {
		return "", false
	}
	return k.forward(raw)
}

// firstWords returns the first words of line, up to about 24 characters,
// cut where the repair can cut: after a whole character of the text as
// it was written (a UTF-8 letter read as Windows-1251 may end in a
// no-break space, which looks like a word's end).
func firstWords(line string, k mojibakeKind) string {
	n, cut, lastSpace := 0, len(line), -1
	for i, r := range line {
		if n == 24 {
			cut = i
			break
		}
		if r == ' ' {
			lastSpace = i
		}
		n++
	}
	if cut < len(line) && lastSpace > 0 {
		cut = lastSpace
	}
	out := strings.TrimRight(line[:cut], " \t")
	for out != "" {
		if raw, _ := backBytes(out, k.back); k.written != "UTF-8" || utf8.Valid(raw) {
			return out
		}
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	return out
}
