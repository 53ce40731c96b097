package lang

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePos is what LineIndex.Pos computes, by counting from the start.
func naivePos(text string, off int) (line, col int) {
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	return strings.Count(text[:off], "\n") + 1, utf8.RuneCountInString(text[ls:off]) + 1
}

// longLineText is minified markup: Russian and English words, tags,
// invalid bytes, a few line breaks, lines of up to size bytes.
func longLineText(r *rand.Rand, size int) string {
	parts := []string{"Шанхайская ", "организация ", "<b>", "SCO ", "«ёлочки» ", "\xe2\x80", "\xff", "€ ", "𝔸 ", "\r\n"}
	var b strings.Builder
	for b.Len() < size {
		p := parts[r.Intn(len(parts))]
		if p == "\r\n" && r.Intn(20) != 0 {
			continue
		}
		b.WriteString(p)
	}
	return b.String()
}

// TestLineIndexPositions compares Pos and Col with counting from the
// start, on short texts and on lines long enough for the checkpoints,
// at rune starts and inside runes.
func TestLineIndexPositions(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 100, 3 * checkpointBytes, 20 * checkpointBytes} {
		text := longLineText(r, size)
		x := NewLineIndex(text)
		offs := []int{0, len(text)}
		for i := 0; i < 300 && len(text) > 0; i++ {
			offs = append(offs, r.Intn(len(text)+1))
		}
		for _, off := range offs {
			gl, gc := x.Pos(off)
			wl, wc := naivePos(text, off)
			if gl != wl || gc != wc {
				t.Fatalf("size %d, offset %d: Pos = %d:%d, want %d:%d", size, off, gl, gc, wl, wc)
			}
			ls := strings.LastIndexByte(text[:off], '\n') + 1
			if got := x.Col(wl, off-ls+1); got != wc {
				t.Fatalf("size %d, offset %d: Col = %d, want %d", size, off, got, wc)
			}
		}
	}
}

// TestLineIndexLongLineLinear guards against positions on one long line
// (a minified XLIFF or HTML file) costing the square of its length: the
// bytes counted for n positions stay within the text once plus a
// bounded stretch per position, where counting from the line's start
// would count about n times half the text.
func TestLineIndexLongLineLinear(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var b strings.Builder
	for b.Len() < 2<<20 {
		b.WriteString([]string{"Шанхайская ", "организация ", "<x id=\"1\"/>", "cooperation "}[r.Intn(4)])
	}
	text := b.String()
	x := NewLineIndex(text)
	const n = 20000
	for i := 0; i < n; i++ {
		x.Pos(i * (len(text) / n))
	}
	if limit := int64(len(text) + n*2*checkpointBytes); x.scanned.Load() > limit {
		t.Errorf("%d positions on a %d-byte line counted %d bytes, want at most %d", n, len(text), x.scanned.Load(), limit)
	}
}
