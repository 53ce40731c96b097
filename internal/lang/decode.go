package lang

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// ErrNotText is returned (wrapped) by [Decode] and [ReadFile] for data
// that holds NUL bytes without a UTF-16 byte order mark: a binary file,
// or UTF-16 without a BOM, which tolmach does not guess.
var ErrNotText = errors.New("not a text file (it contains NUL bytes)")

// ErrUnknownEncoding is returned (wrapped) by [Decode] and [ReadFile] when
// the encoding asked for is not one of [Encodings].
var ErrUnknownEncoding = errors.New("unknown encoding")

// The encoding names [Decode] accepts and reports.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1251 = "windows-1251"
	KOI8R       = "koi8-r"
)

// Encodings lists the names [Decode] accepts, in the order they are
// documented; "" (or "auto") asks for detection.
var Encodings = []string{UTF8, UTF8BOM, UTF16LE, UTF16BE, Windows1251, KOI8R}

// encodingAliases maps the other spellings people and tools use to the
// canonical names, so that --encoding cp1251 just works.
var encodingAliases = map[string]string{
	"utf8": UTF8, "utf-8": UTF8,
	"utf8bom": UTF8BOM, "utf-8-bom": UTF8BOM, "utf-8-sig": UTF8BOM, "utf8-bom": UTF8BOM,
	"utf-16le": UTF16LE, "utf16le": UTF16LE, "utf-16": UTF16LE, "utf16": UTF16LE,
	"utf-16be": UTF16BE, "utf16be": UTF16BE,
	"windows-1251": Windows1251, "cp1251": Windows1251, "win1251": Windows1251, "win-1251": Windows1251,
	"windows1251": Windows1251, "cp-1251": Windows1251,
	"koi8-r": KOI8R, "koi8r": KOI8R, "koi8": KOI8R,
}

// byte order marks
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns the bytes of a text file into NFC text with "\n" line
// ends, and reports the encoding it was read in (one of [Encodings]).
//
// With encoding "" or "auto" the encoding is detected: a byte order mark
// decides first (UTF-8, UTF-16LE, UTF-16BE); then valid UTF-8 is UTF-8;
// otherwise the data is read as Windows-1251 and as KOI8-R and the reading
// whose letters look more like Russian wins: letter frequencies and the
// pattern of capitals decide, which is enough for a single word such as
// «Посол». Data with NUL bytes and no UTF-16 BOM, or with more than 10%
// control bytes, is refused with [ErrNotText].
//
// Any other encoding forces that reading; a leading BOM of the same
// encoding is dropped. An unknown name gives an error wrapping
// [ErrUnknownEncoding] that lists the valid names. Line ends "\r\n" and
// lone "\r" become "\n", so that line numbers agree with every editor.
// A line longer than [MaxLineSize] bytes is refused first, with a
// [*TooLargeError] giving its line (see [CheckLines]). Text that is
// mojibake (Russian written in one encoding and read in another before it
// was saved, «Ðåöåíçèÿ») is refused with a [*MojibakeError] that names
// the mix-up and the repair.
func Decode(data []byte, encoding string) (text string, detected string, err error) {
	if err := CheckLines(data); err != nil {
		return "", "", err
	}
	return decode(data, encoding)
}

// decode is Decode without the line limit.
func decode(data []byte, encoding string) (text string, detected string, err error) {
	name := strings.ToLower(strings.TrimSpace(encoding))
	if name == "" || name == "auto" {
		text, detected, err = decodeAuto(data)
	} else {
		canon, ok := encodingAliases[name]
		if !ok {
			return "", "", fmt.Errorf("%w %q (valid: %s, or auto)", ErrUnknownEncoding, encoding, strings.Join(Encodings, ", "))
		}
		text, err = decodeAs(data, canon)
		detected = canon
	}
	if err != nil {
		return "", "", err
	}
	text = normaliseText(text)
	if err := checkMojibake(text); err != nil {
		return "", "", err
	}
	return text, detected, nil
}

// ReadFile reads the article at path and decodes it with [Decode]; its
// errors name the path, and the line where there is one. A file over
// [MaxFileSize] is refused from its size, before it is read (naming the
// first line over [MaxLineSize] in it, if there is one).
func ReadFile(path, encoding string) (text, detected string, err error) {
	return readFile(path, encoding, true)
}

// ReadMarkupFile is [ReadFile] for HTML and XML articles (XLIFF), whose
// lines mean nothing: tools write them minified, a whole document on one
// line. Only the file size is limited.
func ReadMarkupFile(path, encoding string) (text, detected string, err error) {
	return readFile(path, encoding, false)
}

func readFile(path, encoding string, lines bool) (text, detected string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", err // *PathError already names the path
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
		if lines {
			if err := checkReaderLines(f, MaxFileSize+MaxLineSize+1, MaxLineSize); err != nil {
				return "", "", FileError(path, err)
			}
		}
		return "", "", FileError(path, tooLargeFile(fi.Size(), false))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return "", "", err
	}
	return decodeFile(path, data, encoding, lines, true)
}

// DecodeFile decodes the content of an article that was not read from
// a file (an upload to the server) as [ReadFile] (markup false) or
// [ReadMarkupFile] (markup true) would the file name: the same size and
// line limits, and errors that name name.
func DecodeFile(name string, data []byte, encoding string, markup bool) (text, detected string, err error) {
	return decodeFile(name, data, encoding, !markup, false)
}

func decodeFile(name string, data []byte, encoding string, lines, atLeast bool) (text, detected string, err error) {
	if len(data) > MaxFileSize { // for a file: not a regular one, or one that grew
		if !atLeast {
			return "", "", FileError(name, tooLargeFile(int64(len(data)), false))
		}
		return "", "", FileError(name, tooLargeFile(MaxFileSize, true))
	}
	if lines {
		text, detected, err = Decode(data, encoding)
	} else {
		text, detected, err = decode(data, encoding)
	}
	if err != nil {
		return "", "", FileError(name, err)
	}
	return text, detected, nil
}

// utf8Text reports whether data is valid UTF-8 without control bytes
// other than tab, line feed and carriage return.
func utf8Text(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return utf8.Valid(data)
}

// XMLUTF16 returns UTF16LE or UTF16BE when head is the start of an XML
// declaration in UTF-16 without a byte order mark ("<\0?\0" or
// "\0<\0?"), which is unambiguous: the declaration's own characters say
// the byte order. It returns "" for anything else.
func XMLUTF16(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("<\x00?\x00")):
		return UTF16LE
	case bytes.HasPrefix(head, []byte("\x00<\x00?")):
		return UTF16BE
	}
	return ""
}

func decodeAuto(data []byte) (string, string, error) {
	if enc := XMLUTF16(data); enc != "" {
		s, err := decodeAs(data, enc)
		return s, enc, err
	}
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		s, err := decodeAs(data, UTF8BOM)
		return s, UTF8BOM, err
	case (bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)) && utf8Text(data[2:]):
		// A UTF-16 mark before UTF-8 text (an editor's mistake): UTF-16
		// text has a NUL byte in every space and ASCII letter and a 0x04
		// in every Cyrillic one, this has neither, and it is valid UTF-8.
		// Read as UTF-16 it would be CJK.
		return string(data[2:]), UTF8, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		s, err := decodeAs(data, UTF16LE)
		return s, UTF16LE, err
	case bytes.HasPrefix(data, bomUTF16BE):
		s, err := decodeAs(data, UTF16BE)
		return s, UTF16BE, err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", "", fmt.Errorf("%w: NUL byte at offset %d and no UTF-16 byte order mark", ErrNotText, i)
	}
	if controlHeavy(data) {
		return "", "", fmt.Errorf("%w: too many control bytes (UTF-16 without a byte order mark?)", ErrNotText)
	}
	if utf8.Valid(data) {
		return string(data), UTF8, nil
	}
	if mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), UTF8, nil
	}
	// Score both readings on a sample: the first 16 KiB of non-ASCII
	// bytes decide as well as the whole file would, at a fraction of
	// the cost.
	sample := data
	high := 0
	for i, c := range data {
		if c >= utf8.RuneSelf {
			if high++; high > 16<<10 {
				sample = data[:i]
				break
			}
		}
	}
	cp, _ := decodeWith(charmap.Windows1251, sample)
	koi, _ := decodeWith(charmap.KOI8R, sample)
	page, name := charmap.Windows1251, Windows1251
	if cyrillicScore(koi) > cyrillicScore(cp) {
		page, name = charmap.KOI8R, KOI8R
	}
	text, err := decodeWith(page, data)
	return text, name, err
}

// controlHeavy reports whether more than a tenth of data are C0 control
// bytes other than tab, line and page breaks, SUB and ESC: not text, and
// typically UTF-16 Cyrillic without a BOM (every other byte 0x04), which
// has no NUL bytes to give it away.
func controlHeavy(data []byte) bool {
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x1A && c != 0x1B {
			n++
		}
	}
	return n > 0 && n*10 > len(data)
}

// mostlyUTF8 reports whether data is UTF-8 with a few damaged bytes (a
// truncated character, a stray Latin-1 byte): many valid multi-byte
// sequences and at most one invalid byte per fifty of them. Reading such
// a file as Windows-1251 would turn every Russian letter into mojibake.
func mostlyUTF8(data []byte) bool {
	multi, bad := utf8Counts(data)
	return multi >= 20 && bad*50 <= multi
}

// utf8Counts counts the valid multi-byte UTF-8 characters of data and its
// bytes that are not UTF-8.
func utf8Counts(data []byte) (multi, bad int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return multi, bad
}

// ErrUnencodable is wrapped by [Encode]'s error for text the encoding
// cannot hold.
var ErrUnencodable = errors.New("has no code in")

// Encode is the inverse of [Decode] for one of [Encodings]: text written
// as a file in that encoding, with the byte order mark UTF-16 and
// "utf-8-bom" have. Line ends are written as they are in text. A
// character the encoding has no code for (a Chinese character in
// Windows-1251) is an error wrapping [ErrUnencodable] that names it and
// its line; nothing is replaced.
func Encode(text, name string) ([]byte, error) {
	canon, ok := encodingAliases[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return nil, fmt.Errorf("%w %q (valid: %s)", ErrUnknownEncoding, name, strings.Join(Encodings, ", "))
	}
	var enc encoding.Encoding
	var bom []byte
	switch canon {
	case UTF8:
		return []byte(text), nil
	case UTF8BOM:
		return append(append([]byte(nil), bomUTF8...), text...), nil
	case UTF16LE:
		enc, bom = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), bomUTF16LE
	case UTF16BE:
		enc, bom = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), bomUTF16BE
	case Windows1251:
		enc = charmap.Windows1251
	default:
		enc = charmap.KOI8R
	}
	if canon == Windows1251 || canon == KOI8R {
		cm := enc.(*charmap.Charmap)
		line := 1
		for _, r := range text {
			if r == '\n' {
				line++
			}
			if _, ok := cm.EncodeRune(r); !ok {
				return nil, fmt.Errorf("%q (line %d) %w %s", r, line, ErrUnencodable, canon)
			}
		}
	}
	b, err := enc.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("the text %w %s: %v", ErrUnencodable, canon, err)
	}
	return append(bom, b...), nil
}

func decodeAs(data []byte, name string) (string, error) {
	switch name {
	case UTF8, UTF8BOM:
		data = bytes.TrimPrefix(data, bomUTF8)
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
		}
		if !utf8.Valid(data) {
			off := invalidUTF8Offset(data)
			line := bytes.Count(data[:off], []byte{'\n'}) + 1
			return "", fmt.Errorf("invalid UTF-8 at line %d (byte offset %d); try another encoding", line, off)
		}
		return string(data), nil
	case UTF16LE:
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), bytes.TrimPrefix(data, bomUTF16LE))
	case UTF16BE:
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), bytes.TrimPrefix(data, bomUTF16BE))
	case Windows1251, KOI8R:
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
		}
		if name == KOI8R {
			return decodeWith(charmap.KOI8R, data)
		}
		return decodeWith(charmap.Windows1251, data)
	}
	panic("lang: decodeAs: unhandled encoding " + name)
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decoding: %w", err)
	}
	return string(out), nil
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// normaliseText brings decoded text to the form every other function of
// the package expects: NFC, "\n" line ends, no byte order mark.
func normaliseText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return toNFC(s)
}

// toNFC returns s in NFC like norm.NFC.String, but returns s itself when
// [isNFCQuick] proves it normal, and otherwise normalises line by line,
// so that a stress mark or a Greek letter in one line does not send a
// whole file through package norm. Fold can use it the same way.
func toNFC(s string) string {
	if isNFCQuick(s) {
		return s
	}
	// A line break never composes with its neighbours, so lines can be
	// normalised apart.
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i+1]
		}
		if isNFCQuick(line) {
			b.WriteString(line)
		} else {
			b.WriteString(norm.NFC.String(line))
		}
		s = s[len(line):]
	}
	return b.String()
}

// isNFCQuick reports whether s is certainly in NFC because every rune is
// from a range whose characters are all NFC_Quick_Check=Yes and never
// combine with a neighbour: Latin below U+0300, Cyrillic letters, general
// punctuation, currency signs, №. It is a fast path (about ten times
// faster than asking package norm) for the Russian and English text
// tolmach reads; anything else goes to norm.NFC.
func isNFCQuick(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x300 && r != utf8.RuneError,
			r >= 0x400 && r <= 0x482, // Cyrillic letters and signs (0x483–0x489 combine)
			r >= 0x48A && r <= 0x52F,
			r >= 0x2002 && r <= 0x206F, // general punctuation but the singletons U+2000, U+2001
			r >= 0x20A0 && r <= 0x20BF, // currency signs
			r == 0x2116:                // №
		default:
			return false
		}
		i += size
	}
	return true
}

// ruFreq holds the frequency of each Russian letter in running text, in
// percent (the usual corpus table; ё counted apart from е).
var ruFreq = map[rune]float64{
	'о': 10.97, 'е': 8.45, 'а': 8.01, 'и': 7.35, 'н': 6.70, 'т': 6.26, 'с': 5.47,
	'р': 4.73, 'в': 4.54, 'л': 4.40, 'к': 3.49, 'м': 3.21, 'д': 2.98, 'п': 2.81,
	'у': 2.62, 'я': 2.01, 'ы': 1.90, 'ь': 1.74, 'г': 1.70, 'з': 1.65, 'б': 1.59,
	'ч': 1.44, 'й': 1.21, 'х': 0.97, 'ж': 0.94, 'ш': 0.73, 'ю': 0.64, 'ц': 0.48,
	'щ': 0.36, 'э': 0.32, 'ф': 0.26, 'ъ': 0.04, 'ё': 0.04,
}

// ruLogFreq is ruFreq as log-odds against a uniform choice of 33 letters,
// so common letters add and rare ones subtract.
var ruLogFreq = func() map[rune]float64 {
	m := make(map[rune]float64, len(ruFreq))
	for r, f := range ruFreq {
		m[r] = math.Log(f / (100.0 / 33))
	}
	return m
}()

// cyrillicScore rates how much s looks like Russian text, higher being
// better; only the comparison of two readings of the same bytes matters.
//
// Windows-1251 and KOI8-R both put the Cyrillic letters in 0xC0–0xFF but
// in a different order and with the cases swapped, so the wrong reading
// gives (1) a flatter, implausible letter distribution and (2) the wrong
// case: running text, mostly lower case, comes out in capitals, and a
// capitalised word comes out as a lower-case letter followed by capitals
// ("Посол" in Windows-1251 read as KOI8-R is "оНЯНК"). Both are scored;
// the case penalty is what decides single short words. Characters that
// only the wrong reading produces (box drawing in KOI8-R, rare Serbian or
// Ukrainian letters in Windows-1251) are penalised too.
func cyrillicScore(s string) float64 {
	var score float64
	prev := ' ' // the previous rune
	for _, r := range s {
		switch {
		case r >= 'а' && r <= 'я' || r == 'ё':
			score += ruLogFreq[r]
			if isCyrUpper(prev) {
				// Upper then lower inside a word is fine only at the
				// word's first letter (Посол); "ПОСол" is not.
				score -= 0.5
			}
		case r >= 'А' && r <= 'Я' || r == 'Ё':
			score += ruLogFreq[unicode.ToLower(r)]
			switch {
			case isCyrLower(prev):
				score -= 4 // "оНЯНК": lower then upper inside a word
			case isCyrUpper(prev):
				score -= 0.9 // runs of capitals are rarer than lower case
			}
		case r >= 0x2500 && r <= 0x25FF, r >= 0x2320 && r <= 0x2321, r == '≤', r == '≥', r == '÷', r == '²', r == '°', r == '·', r == '⌠', r == '■', r == '∙', r == '√', r == '≈':
			score -= 6 // box drawing and maths of KOI8-R's upper half
		case unicode.Is(unicode.Cyrillic, r):
			score -= 6 // Ђ, Љ, ў, ї…: Windows-1251's non-Russian letters
		}
		prev = r
	}
	return score
}

func isCyrUpper(r rune) bool { return r >= 'А' && r <= 'Я' || r == 'Ё' }
func isCyrLower(r rune) bool { return r >= 'а' && r <= 'я' || r == 'ё' }
