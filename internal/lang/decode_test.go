package lang

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tolmach/internal/shareddata"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// decodeSamples are the texts every encoding must round-trip: a paragraph
// of diplomatic prose, single words, short capitalised words, text mixed
// with Latin, all capitals.
var decodeSamples = []struct {
	name string
	text string
}{
	{"paragraph", "Министр иностранных дел России провёл переговоры с послом Китая.\nСтороны обсудили ход подготовки к саммиту ШОС в 2025 г. и «поворот на Восток» — ключевой приоритет внешней политики.\n"},
	{"paragraph in every encoding", "Посол России в Китае вручил верительные грамоты. Стороны обсудили \"поворот на Восток\", торговлю (240 млрд долларов в 2024 г.) и подготовку к саммиту ШОС.\nЁлка, ёж и Ёжик - ещё три слова.\n"},
	{"single word Посол", "Посол"},
	{"single lower word", "посол"},
	{"short words", "Да, МИД РФ"},
	{"mixed Latin", "Заявление МИД: G20, BRICS и ООН"},
	{"capitals", "ЗАЯВЛЕНИЕ МИНИСТРА"},
	{"yo and quotes", "Ещё «ёлка» — №5"},
	{"two words", "Сергей Лавров"},
}

func encodeWith(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestDecodeDetects(t *testing.T) {
	encoders := []struct {
		want   string
		encode func(testing.TB, string) []byte
	}{
		{UTF8, func(_ testing.TB, s string) []byte { return []byte(s) }},
		{UTF8BOM, func(_ testing.TB, s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) }},
		{UTF16LE, func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), s)
		}},
		{UTF16BE, func(t testing.TB, s string) []byte {
			return encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), s)
		}},
		{Windows1251, func(t testing.TB, s string) []byte { return encodeWith(t, charmap.Windows1251, s) }},
		{KOI8R, func(t testing.TB, s string) []byte { return encodeWith(t, charmap.KOI8R, s) }},
	}
	for _, sample := range decodeSamples {
		for _, enc := range encoders {
			if enc.want == KOI8R && strings.ContainsAny(sample.text, "«»—№") {
				// KOI8-R has no guillemets, em dash or numero sign.
				continue
			}
			t.Run(sample.name+"/"+enc.want, func(t *testing.T) {
				data := enc.encode(t, sample.text)
				got, detected, err := Decode(data, "")
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if got != sample.text {
					t.Errorf("text = %q, want %q", got, sample.text)
				}
				if detected != enc.want {
					t.Errorf("detected = %q, want %q", detected, enc.want)
				}
				// Forcing the right encoding gives the same text.
				forced, name, err := Decode(data, enc.want)
				if err != nil || forced != sample.text || name != enc.want {
					t.Errorf("Decode(data, %q) = %q, %q, %v", enc.want, forced, name, err)
				}
			})
		}
	}
}

// TestDecodeStrayUTF16Mark: UTF-8 text behind a UTF-16 byte order mark
// is read as UTF-8; real UTF-16, even one Cyrillic word without spaces,
// stays UTF-16.
func TestDecodeStrayUTF16Mark(t *testing.T) {
	tests := []struct {
		name, want, enc string
		data            []byte
	}{
		{"LE mark, UTF-8 text", "Мир и дружба.\n", UTF8, append([]byte{0xFF, 0xFE}, "Мир и дружба.\n"...)},
		{"BE mark, UTF-8 text", "Peace, «мир».", UTF8, append([]byte{0xFE, 0xFF}, "Peace, «мир»."...)},
		{"UTF-16LE word", "Мир", UTF16LE, encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "Мир")},
		{"UTF-16BE word", "Мир", UTF16BE, encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "Мир")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.data, "")
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeKOI8Paragraph(t *testing.T) {
	// The paragraph without the characters KOI8-R lacks.
	text := "Министр иностранных дел России провёл переговоры с послом Китая. Стороны обсудили ход подготовки к саммиту ШОС в 2025 г."
	got, detected, err := Decode(encodeWith(t, charmap.KOI8R, text), "")
	if err != nil || got != text || detected != KOI8R {
		t.Fatalf("Decode = %q, %q, %v", got, detected, err)
	}
}

func TestDecodeNormalises(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"CRLF", "раз\r\nдва\r\n", "раз\nдва\n"},
		{"lone CR", "раз\rдва\r", "раз\nдва\n"},
		{"mixed", "a\r\n\rb\n", "a\n\nb\n"},
		{"NFC", "и\u0306 е\u0308", "й ё"},
		{"NFC in one line of several", "Посол\nзаи\u0306ма α\r\nконец", "Посол\nзайма α\nконец"},
		{"BOM inside UTF-8 BOM file dropped once", "\uFEFFтекст", "текст"},
		{"ASCII", "plain text\n", "plain text\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Decode([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		encoding string
		is       error
		contains string
	}{
		{"NUL bytes", []byte("abc\x00def"), "", ErrNotText, "offset 3"},
		{"UTF-16 without BOM", encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "Посол"), "", ErrNotText, "control"},
		{"NUL in forced cp1251", []byte("a\x00"), "cp1251", ErrNotText, ""},
		{"unknown name", []byte("x"), "latin-9", ErrUnknownEncoding, "windows-1251"},
		{"forced UTF-8 invalid", []byte("ok\n\xff"), "utf-8", nil, "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.data, tt.encoding)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not mention %q", err, tt.contains)
			}
		})
	}
}

func TestDecodeAliasesAndOverride(t *testing.T) {
	cp := encodeWith(t, charmap.Windows1251, "Посол")
	for _, name := range []string{"cp1251", "Windows-1251", " WIN1251 "} {
		t.Run(name, func(t *testing.T) {
			got, detected, err := Decode(cp, name)
			if err != nil || got != "Посол" || detected != Windows1251 {
				t.Errorf("Decode(%q) = %q, %q, %v", name, got, detected, err)
			}
		})
	}
	t.Run("override wins over detection", func(t *testing.T) {
		got, detected, err := Decode(cp, "koi8-r")
		if err != nil || detected != KOI8R || got == "Посол" {
			t.Errorf("Decode(koi8-r) = %q, %q, %v", got, detected, err)
		}
	})
}

func TestDecodeMostlyUTF8(t *testing.T) {
	// A UTF-8 file cut in the middle of a letter stays UTF-8.
	text := strings.Repeat("Министерство иностранных дел. ", 3)
	data := []byte(text)
	data = data[:len(data)-2] // drop ". " …
	data = append(data, 0xD0) // … and add half of a letter
	got, detected, err := Decode(data, "")
	if err != nil || detected != UTF8 {
		t.Fatalf("Decode = %q, %v", detected, err)
	}
	if !strings.HasPrefix(got, "Министерство") || !strings.HasSuffix(got, "\uFFFD") {
		t.Errorf("text = %q", got)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.ru.txt")
	if err := os.WriteFile(good, encodeWith(t, charmap.Windows1251, "Посол России\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text, detected, err := ReadFile(good, "")
	if err != nil || text != "Посол России\n" || detected != Windows1251 {
		t.Errorf("ReadFile = %q, %q, %v", text, detected, err)
	}
	bin := filepath.Join(dir, "b.bin")
	if err := os.WriteFile(bin, []byte{1, 0, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadFile(bin, ""); !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), bin) {
		t.Errorf("ReadFile(binary) error = %v", err)
	}
	missing := filepath.Join(dir, "missing.txt")
	if _, _, err := ReadFile(missing, ""); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("ReadFile(missing) error = %v", err)
	}
}

// TestDecodeRealData decodes the Russian side of UD PUD sentence by
// sentence in both Cyrillic code pages; every sentence must come back.
func TestDecodeRealData(t *testing.T) {
	lines := readDataLines(t, "ud_pud_ru_en/pud.ru.txt")
	pages := []struct {
		name string
		cm   *charmap.Charmap
	}{{Windows1251, charmap.Windows1251}, {KOI8R, charmap.KOI8R}}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			var tried, wrong int
			for _, line := range lines {
				data, err := p.cm.NewEncoder().Bytes([]byte(line))
				if err != nil {
					continue // a character the code page lacks
				}
				tried++
				got, detected, err := Decode(data, "")
				if err != nil || got != line || detected != p.name {
					wrong++
					if wrong <= 3 {
						t.Errorf("%q decoded as %s: %q", line, detected, got)
					}
				}
			}
			t.Logf("%s: %d of %d sentences detected right", p.name, tried-wrong, tried)

			// Single words are the hard case: little evidence per word.
			var words, wrongWords int
			for _, line := range lines {
				for _, w := range strings.Fields(line) {
					w = strings.Trim(w, ".,:;«»()\"!?–")
					if utf8.RuneCountInString(w) < 2 || ScriptOf(w) != Cyrillic {
						continue
					}
					data, err := p.cm.NewEncoder().Bytes([]byte(w))
					if err != nil {
						continue
					}
					words++
					if got, _, _ := Decode(data, ""); got != w {
						wrongWords++
					}
				}
			}
			acc := 1 - float64(wrongWords)/float64(words)
			t.Logf("%s: single words: %d of %d detected right (%.4f)", p.name, words-wrongWords, words, acc)
			if acc < 0.99 {
				t.Errorf("%s: single-word accuracy %.4f < 0.99", p.name, acc)
			}
		})
	}
}

// dataDir returns the third-party test data folder, or skips t.
func dataDir(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// readDataLines returns the non-empty lines of a file under shared/data,
// or skips the test when it is absent.
func readDataLines(t testing.TB, rel string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dataDir(t), rel))
	if err != nil {
		t.Skipf("%s: %v", rel, err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func FuzzDecode(f *testing.F) {
	for _, s := range decodeSamples {
		f.Add([]byte(s.text), "")
		if b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s.text)); err == nil {
			f.Add(b, "")
		}
		if b, err := charmap.KOI8R.NewEncoder().Bytes([]byte(s.text)); err == nil {
			f.Add(b, "koi8-r")
		}
	}
	f.Add([]byte{0xFF, 0xFE, 'a', 0}, "")
	f.Add([]byte{0xFE, 0xFF, 0, 'a', 0xD8}, "utf-16be")
	f.Add([]byte("a\r\r\nb"), "utf-8")
	for _, text := range testdataTexts(f) {
		f.Add([]byte(text), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		text, detected, err := Decode(data, enc)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 output %q", text)
		}
		if strings.ContainsRune(text, '\r') {
			t.Fatalf("CR left in %q", text)
		}
		known := false
		for _, e := range Encodings {
			known = known || e == detected
		}
		if !known {
			t.Fatalf("detected %q is not a known encoding", detected)
		}
	})
}

// TestIsNFCQuick checks the fast path against package norm on every
// rune of the ranges it accepts and on a few it must refuse.
func TestIsNFCQuick(t *testing.T) {
	for r := rune(0); r < 0x2200; r++ {
		s := "а" + string(r) + "б"
		if isNFCQuick(s) && !norm.NFC.IsNormalString(s) {
			t.Errorf("isNFCQuick(%U) = true but the string is not NFC", r)
		}
		if s2 := string(r) + "\u0301"; isNFCQuick(s2) {
			t.Errorf("isNFCQuick(%U + combining acute) = true", r)
		}
	}
	for _, s := range []string{"е\u0308", "\u2000", "\u212B", "\uFFFD"} {
		if isNFCQuick(s) {
			t.Errorf("isNFCQuick(%q) = true", s)
		}
	}
}

// TestEncode: what Encode writes, Decode reads back as the same text and
// the same encoding; a character an 8-bit encoding lacks is refused.
func TestEncode(t *testing.T) {
	for _, enc := range Encodings {
		text := "ru;en\nмир;peace\n«ШОС»;SCO — ё\n"
		if enc == KOI8R {
			text = "ru;en\nмир;peace\nШОС;SCO - ё\n" // KOI8-R has no «» or em dash
		}
		b, err := Encode(text, enc)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		got, detected, err := Decode(b, "")
		if err != nil || got != text || detected != enc {
			t.Errorf("%s: read back %q as %s (%v)", enc, got, detected, err)
		}
	}
	_, err := Encode("мир\n中国\n", Windows1251)
	if !errors.Is(err, ErrUnencodable) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("Windows-1251 with a Chinese character: %v", err)
	}
	if _, err := Encode("мир", "latin-9"); !errors.Is(err, ErrUnknownEncoding) {
		t.Errorf("unknown encoding: %v", err)
	}
}
