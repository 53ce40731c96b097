package glossary

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"runtime"
	"testing"
	"unsafe"

	"tolmach/internal/lang"
)

// binaryTexts are texts the round-trip tests match with matchers built
// and decoded: nested terms, hyphenated compounds, case-sensitive
// abbreviations, exact terms, synonyms.
var binaryTexts = []string{
	"заседание Совета глав государств — членов ШОС в Астане и саммит Шанхайской организации сотрудничества",
	"лидеры государств-членов, военно-политического союза и ЕС; коридор Север — Юг, шос",
	"The Shanghai Cooperation Organisation (SCO) and the SCO Heads of State Council met; new sanctions.",
	"closer co-operation, the Regional Antiterrorist Structure, non-proliferation and Russia–China trade, an MoU",
}

// encodeAll returns the encodings of g and of its two matchers, one
// after the other.
func encodeAll(t testing.TB, g *Glossary) []byte {
	b, err := g.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"ru", "en"} {
		if b, err = NewMatcher(g, l).AppendBinary(b); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// decodeAll decodes what encodeAll wrote.
func decodeAll(data string) (g *Glossary, ms [2]*Matcher, err error) {
	g, n, err := DecodeBinary(data)
	if err != nil {
		return nil, ms, err
	}
	data = data[n:]
	for i := range ms {
		if ms[i], n, err = DecodeMatcher(data, g); err != nil {
			return nil, ms, err
		}
		data = data[n:]
	}
	if data != "" {
		return nil, ms, ErrCorrupt
	}
	return g, ms, nil
}

// TestBinaryRoundTrip: a glossary and its matchers read back from their
// encoding are the glossary, and find what the matchers built from it
// find.
func TestBinaryRoundTrip(t *testing.T) {
	g := recognizeFixture(t)
	g.Concepts = append(g.Concepts, &Concept{ID: "odd", Domain: "d", Definition: "def", Note: "n", Source: "s", Context: "c", Origin: "x:1",
		Terms: []*Term{{Text: "—", Lang: "ru", Status: Forbidden, Type: Variant, CaseSensitive: true, Exact: true, Note: "tn", Origin: "x:2"}}},
		&Concept{ID: "empty"})
	g2, ms, err := decodeAll(string(encodeAll(t, g)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, g2) {
		t.Fatal("the glossary read back differs from the one written")
	}
	matches := 0
	for i, l := range []string{"ru", "en"} {
		built := NewMatcher(g, l)
		if ms[i].Len() != built.Len() {
			t.Errorf("%s: %d terms read back, %d built", l, ms[i].Len(), built.Len())
		}
		for _, text := range binaryTexts {
			toks := lang.Analyze(text)
			all := ms[i].FindAllTokens(toks)
			matches += len(all)
			if a, b := found(text, all), found(text, built.FindAllTokens(toks)); a != b {
				t.Errorf("%s %q:\n read back %s\n     built %s", l, text, a, b)
			}
			if a, b := found(text, ms[i].FindTokens(toks)), found(text, built.FindTokens(toks)); a != b {
				t.Errorf("%s %q longest:\n read back %s\n     built %s", l, text, a, b)
			}
		}
	}
	if matches < 10 {
		t.Errorf("%d matches in the test texts: the test shows nothing", matches)
	}
}

// TestBinaryCorrupt: every truncation of an encoding, and a byte set to
// each of a few values at every offset, is refused or decoded into
// matchers that run without a panic.
func TestBinaryCorrupt(t *testing.T) {
	g, err := Parse([]byte("[sco]\nru: Шанхайская организация сотрудничества\nru: ШОС | case\nen: SCO\n\n[ns]\nru: Север — Юг | exact\nen: North–South corridor\n"), "c.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	data := encodeAll(t, g)
	for n := range len(data) {
		if _, _, err := decodeAll(string(data[:n])); err == nil {
			t.Fatalf("an encoding cut to %d of %d bytes was accepted", n, len(data))
		}
	}
	for i := range data {
		for _, v := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			bad := append([]byte(nil), data...)
			bad[i] = v
			decodeAndMatch(t, bad)
		}
	}
}

// decodeAndMatch decodes data and, when that succeeds, matches the test
// texts, failing on a panic.
func decodeAndMatch(t *testing.T, data []byte) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%x: panic %v", data, r)
		}
	}()
	_, ms, err := decodeAll(string(data))
	if err != nil {
		return
	}
	for _, m := range ms {
		for _, text := range binaryTexts {
			m.FindBothTokens(lang.Analyze(text))
		}
	}
}

func FuzzDecodeBinary(f *testing.F) {
	f.Add(encodeAll(f, recognizeFixture(f)))
	f.Fuzz(decodeAndMatch)
}

// TestBinarySizing: the sizing pass counts exactly the bytes the
// encoding appends, so AppendBinary grows its buffer once.
func TestBinarySizing(t *testing.T) {
	g := recognizeFixture(t)
	encoders := map[string]func(*encoder){"glossary": g.encode}
	for _, l := range []string{"ru", "en"} {
		encoders["matcher "+l] = NewMatcher(g, l).encode
	}
	for name, encode := range encoders {
		t.Run(name, func(t *testing.T) {
			e := encoder{sizing: true}
			encode(&e)
			prefix := []byte("prefix")
			b := appendEncoded(prefix, encode)
			if got := len(b) - len(prefix); got != e.n || e.n == 0 {
				t.Errorf("encoding is %d bytes, sized as %d", got, e.n)
			}
			if string(b[:len(prefix)]) != "prefix" {
				t.Errorf("the prefix was not kept: %q", b[:len(prefix)])
			}
		})
	}
}

// TestWriteBinary: WriteBinary writes the bytes of AppendBinary, whatever
// the size of its buffer, and reports the first error of its writer.
func TestWriteBinary(t *testing.T) {
	g := recognizeFixture(t)
	want := encodeAll(t, g)
	ms := []*Matcher{NewMatcher(g, "ru"), NewMatcher(g, "en")}
	defer func(n int) { writeBuffer = n }(writeBuffer)
	for _, size := range []int{1, 7, 10, 64, 1000, 256 << 10} {
		writeBuffer = size
		var b bytes.Buffer
		w := &countingWriter{w: &b}
		for _, wr := range []interface{ WriteBinary(io.Writer) error }{g, ms[0], ms[1]} {
			if err := wr.WriteBinary(w); err != nil {
				t.Fatal(err)
			}
		}
		if n := g.BinaryLen() + ms[0].BinaryLen() + ms[1].BinaryLen(); n != len(want) {
			t.Errorf("BinaryLen: %d bytes in all, want %d", n, len(want))
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("buffer of %d: %d bytes written, unlike the %d appended", size, b.Len(), len(want))
		}
		if size >= 64 && w.writes > len(want)/(size-binary.MaxVarintLen64)+3 {
			t.Errorf("buffer of %d: %d writes for %d bytes", size, w.writes, len(want))
		}
	}
	writeBuffer = 10
	errFull := errors.New("disk full")
	if err := g.WriteBinary(&countingWriter{w: io.Discard, failAt: 2, err: errFull}); err != errFull {
		t.Errorf("a failing writer: %v, want %v", err, errFull)
	}
}

// countingWriter counts the writes to w and fails from write failAt on
// (when set).
type countingWriter struct {
	w      io.Writer
	writes int
	failAt int
	err    error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	if c.failAt > 0 && c.writes >= c.failAt {
		return 0, c.err
	}
	return c.w.Write(p)
}

// TestMatcherBuiltInParallel: a matcher of a glossary large enough for
// its terms to be analysed by several goroutines is the matcher built on
// one CPU, byte for byte.
func TestMatcherBuiltInParallel(t *testing.T) {
	g := recognizeFixture(t)
	words := []string{"мирный", "договор", "санкции", "Совет", "ООН", "state", "Council", "peace", "UN", "co-operation"}
	for i := range 3 * parallelTerms {
		w, v := words[i%len(words)], words[(i/len(words))%len(words)]
		g.Concepts = append(g.Concepts, &Concept{ID: fmt.Sprintf("c%d", i), Terms: []*Term{
			{Text: fmt.Sprintf("%s %s %d", w, v, i), Lang: "ru", Exact: i%7 == 0},
			{Text: fmt.Sprintf("%s-%s %d", v, w, i%500), Lang: "en", CaseSensitive: i%5 == 0},
			{Text: w, Lang: "en"},
		}})
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var one [2][]byte
	for i, l := range []string{"ru", "en"} {
		one[i], _ = NewMatcher(g, l).AppendBinary(nil)
	}
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		for i, l := range []string{"ru", "en"} {
			if b, _ := NewMatcher(g, l).AppendBinary(nil); !bytes.Equal(b, one[i]) {
				t.Errorf("%s on %d CPUs: %d bytes, unlike the %d on one", l, procs, len(b), len(one[i]))
			}
		}
	}
}

// TestDecodeMatcherInPlace: a matcher's encoding starting at a multiple
// of four bytes in memory is used in place (on a machine whose layout
// allows it), one starting elsewhere is copied, and both find what the
// matcher built finds.
func TestDecodeMatcherInPlace(t *testing.T) {
	g := recognizeFixture(t)
	for _, l := range []string{"ru", "en"} {
		built := NewMatcher(g, l)
		enc, _ := built.AppendBinary(nil)
		for shift := range 4 {
			buf := make([]byte, len(enc)+8)
			at := shift
			if base := int(uintptr(unsafe.Pointer(&buf[0])) % 4); base != 0 {
				at += 4 - base // buf[at] lies at shift past a multiple of four
			}
			copy(buf[at:], enc)
			data := unsafe.String(&buf[at], len(enc))
			m, n, err := DecodeMatcher(data, g)
			if err != nil || n != len(enc) {
				t.Fatalf("%s, shifted %d: %d of %d bytes read, %v", l, shift, n, len(enc), err)
			}
			inData := func(p unsafe.Pointer) bool {
				a := uintptr(p)
				return a >= uintptr(unsafe.Pointer(&buf[0])) && a < uintptr(unsafe.Pointer(&buf[0]))+uintptr(len(buf))
			}
			if want := inPlaceLayout && shift == 0; inData(unsafe.Pointer(&m.entries[0])) != want || inData(unsafe.Pointer(&m.edges[0])) != want {
				t.Errorf("%s, shifted %d: arrays in the data %v, want %v", l, shift, !want, want)
			}
			for _, text := range binaryTexts {
				toks := lang.Analyze(text)
				if a, b := found(text, m.FindAllTokens(toks)), found(text, built.FindAllTokens(toks)); a != b {
					t.Errorf("%s, shifted %d, %q:\n decoded %s\n   built %s", l, shift, text, a, b)
				}
			}
		}
	}
}

// TestUvarintLen: the sizing pass counts what binary.AppendUvarint
// writes, at every length's bounds.
func TestUvarintLen(t *testing.T) {
	vs := []uint64{0, 1, 0x7f, math.MaxUint64}
	for shift := 7; shift < 64; shift += 7 {
		vs = append(vs, 1<<shift-1, 1<<shift, 1<<shift+1)
	}
	for _, v := range vs {
		if got, want := uvarintLen(v), len(binary.AppendUvarint(nil, v)); got != want {
			t.Errorf("uvarintLen(%#x) = %d, want %d", v, got, want)
		}
	}
}
